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
npx playwright test

# The every-page sweep (axe and reflow at three widths for each role) checks markup, which does not
# depend on the database; it runs once, above, and the journeys run again on PostgreSQL.
echo "== End-to-end journeys on PostgreSQL"
npx tsx scripts/with-postgres.ts bash -c 'E2E_DATABASE_URL="$POSTGRES_TEST_URL" npx playwright test --grep-invert "every page"'
