#!/usr/bin/env bash
# `npm test`: the whole suite. Type-checking and lint, the unit and integration
# tests, a production build, then the end-to-end tests, all on SQLite; and,
# when TEST_POSTGRES_URL names a PostgreSQL role that may create databases
# (CI sets it), the integration and end-to-end tests on PostgreSQL as well,
# on the same build.
#
# The second run leaves out what cannot differ between the databases, to keep
# CI under 20 minutes on two cores: the pure unit tests (no database), and the
# browser tests of headers, HSTS, the CSP's script hashes, print, escaping and
# the role matrix, whose answers come from the same code over the same rows.
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
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stamp "integration tests on PostgreSQL"
  npm run test:unit -- "${same_on_both_unit[@]}"
fi
stamp "production build"
npm run build
stamp "end-to-end tests on SQLite"
env -u TEST_POSTGRES_URL npm run test:e2e
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stamp "end-to-end tests on PostgreSQL"
  npm run test:e2e -- "${same_on_both_e2e[@]}"
else
  echo "(The PostgreSQL runs were skipped: set TEST_POSTGRES_URL to run them too; see tests/README.md.)"
fi
stamp "done"
