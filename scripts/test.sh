#!/usr/bin/env bash
# `npm test`: the whole suite. Type-checking and lint, the unit and integration
# tests, a production build, then the end-to-end tests, all on SQLite; and,
# when TEST_POSTGRES_URL names a PostgreSQL role that may create databases
# (CI sets it), the integration and end-to-end tests on PostgreSQL as well,
# on the same build.
#
# The second run goes beside the SQLite browser run and leaves out what cannot
# differ between the databases, to keep CI under 20 minutes on two cores: the
# pure unit tests (no database), and the browser tests of headers, HSTS, the
# CSP's script hashes, print, escaping and the role matrix, whose answers come
# from the same code over the same rows. (With them too, `npm test` took 15m53s
# here, close enough to the limit once CI installs and runs the crash test.)
# `npm run test:postgres` runs everything on PostgreSQL.
set -euo pipefail
same_on_both_unit=(--exclude "tests/unit/**" --exclude "lib/**")
same_on_both_e2e=()
for file in headers strict-transport content-security-policy print xss authorization-matrix; do
  same_on_both_e2e+=(--exclude "tests/e2e/${file}.test.ts")
done
stamp() { echo "== $1 ($(date -u +%H:%M:%S))"; }
npm run typecheck
npm run lint
stamp "unit and integration tests on SQLite"
env -u TEST_POSTGRES_URL npm run test:unit
stamp "production build"
npm run build

if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  stamp "end-to-end tests on SQLite"
  npm run test:e2e
  echo "(The PostgreSQL runs were skipped: set TEST_POSTGRES_URL to run them too; see tests/README.md.)"
  stamp "done"
  exit 0
fi

# The browser suite mostly waits (on Chromium, on timers, on argon2 in the server), so
# its SQLite run uses well under one core. The PostgreSQL runs go beside it, each on its
# own server, database and ports: CI takes the longer of the two, not their sum. The
# SQLite run prints as it goes; the PostgreSQL run's output follows it whole.
postgres_log="$(mktemp -t quire-postgres-tests.XXXXXX)"
stamp "end-to-end tests on SQLite, and beside them the PostgreSQL runs (log: ${postgres_log})"
# In a process group of its own (set -m), so that stopping it stops everything it started.
set -m
(
  stamp "integration tests on PostgreSQL"
  npm run test:unit -- "${same_on_both_unit[@]}"
  stamp "end-to-end tests on PostgreSQL"
  npm run test:e2e -- "${same_on_both_e2e[@]}"
  stamp "PostgreSQL runs done"
) </dev/null >"$postgres_log" 2>&1 &
postgres_pid=$!
set +m
# A stopped npm test (Ctrl-C, a CI timeout) stops the PostgreSQL run too: its vitest and servers with it.
trap 'kill -- -"$postgres_pid" 2>/dev/null || true' EXIT

sqlite_status=0
env -u TEST_POSTGRES_URL npm run test:e2e || sqlite_status=$?
postgres_status=0
wait "$postgres_pid" || postgres_status=$?
trap - EXIT
cat "$postgres_log"
rm -f "$postgres_log"
stamp "done"
[ "$sqlite_status" -eq 0 ] && [ "$postgres_status" -eq 0 ]
