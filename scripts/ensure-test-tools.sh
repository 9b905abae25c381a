#!/usr/bin/env bash
# Installs what the tests need from Debian's archive when it is missing: Chromium for the
# end-to-end journeys and the PostgreSQL server for the database tests.
set -euo pipefail

need_chromium=0
[ -x /usr/bin/chromium ] || need_chromium=1
need_postgres=0
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then need_postgres=1; fi

if [ "$need_chromium" = 0 ] && [ "$need_postgres" = 0 ]; then exit 0; fi

if [ "$(id -u)" != 0 ]; then
	[ "$need_chromium" = 1 ] && echo "Chromium is missing: run 'sudo apt-get install -y chromium'." >&2
	[ "$need_postgres" = 1 ] && echo "PostgreSQL server binaries are missing: database tests will use PGlite only ('sudo apt-get install -y postgresql' adds them)." >&2
	[ "$need_chromium" = 1 ] && exit 1
	exit 0
fi

packages=()
[ "$need_chromium" = 1 ] && packages+=(chromium)
[ "$need_postgres" = 1 ] && packages+=(postgresql)
echo "Installing from Debian: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
