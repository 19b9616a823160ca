#!/usr/bin/env bash
# `npm test`: the whole suite. Type-checking and lint, the unit and integration
# tests, a production build, then the end-to-end tests, all on SQLite; and,
# when TEST_POSTGRES_URL names a PostgreSQL role that may create databases
# (CI sets it), the integration and end-to-end tests on PostgreSQL as well,
# on the same build.
set -euo pipefail
stamp() { echo "== $1 ($(date -u +%H:%M:%S))"; }
npm run typecheck
npm run lint
stamp "unit and integration tests on SQLite"
env -u TEST_POSTGRES_URL npm run test:unit
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stamp "unit and integration tests on PostgreSQL"
  npm run test:unit
fi
stamp "production build"
npm run build
stamp "end-to-end tests on SQLite"
env -u TEST_POSTGRES_URL npm run test:e2e
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stamp "end-to-end tests on PostgreSQL"
  npm run test:e2e
else
  echo "(The PostgreSQL runs were skipped: set TEST_POSTGRES_URL to run them too; see tests/README.md.)"
fi
stamp "done"
