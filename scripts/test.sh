#!/usr/bin/env bash
# `npm test`: typecheck, unit and database tests (PGlite, and PostgreSQL when its server binaries
# are installed), then the end-to-end journeys in Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-tools.sh

echo "== Typecheck"
npm run --silent typecheck

echo "== Lint, format and unused code"
npm run --silent lint
npm run --silent format:check
npx knip

echo "== Unit and database tests"
npx vitest run

echo "== Build"
npx react-router build > /dev/null

echo "== HTTP fuzz: 3,000 malformed requests to every route (npm run fuzz runs longer campaigns)"
npx tsx scripts/fuzz.ts --runs 3000 --seed 20261206

echo "== Fault injection on PostgreSQL with two instances (npm run chaos runs the longer campaign)"
npx tsx scripts/chaos.ts --quick

echo "== End-to-end journeys on the embedded database"
npx playwright test --grep-invert "every page" --reporter=list

# The every-page sweep (axe and reflow at three widths for each role) checks markup, which does not
# depend on the database: it runs once, on the embedded database, while the journeys run again on
# PostgreSQL. Each has its own server, port and output folder; the sweep's report follows the journeys'.
echo "== Every page on the embedded database, beside the journeys on PostgreSQL"
sweep_log="$(mktemp)"
E2E_PORT=3214 npx playwright test --grep "every page" --reporter=list \
	--output .cache/e2e-every-page-results > "$sweep_log" 2>&1 &
sweep_pid=$!
journeys_status=0
npx tsx scripts/with-postgres.ts bash -c 'E2E_DATABASE_URL="$POSTGRES_TEST_URL" npx playwright test --grep-invert "every page" --reporter=list' ||
	journeys_status=$?
sweep_status=0
wait "$sweep_pid" || sweep_status=$?
echo "-- every page (embedded database):"
cat "$sweep_log"
rm -f "$sweep_log"
if [ "$journeys_status" -ne 0 ] || [ "$sweep_status" -ne 0 ]; then
	echo "End-to-end: journeys on PostgreSQL exited $journeys_status, every-page sweep exited $sweep_status" >&2
	exit 1
fi
