#!/usr/bin/env bash
# `npm run test:postgres`: the integration and browser suites again, on
# PostgreSQL. TEST_POSTGRES_URL names a role that may create databases (each
# test file and each server gets a fresh one, dropped afterwards), e.g.
#   TEST_POSTGRES_URL=postgresql://quire:quire@127.0.0.1:5432/quire npm run test:postgres
# Needs a production build (`npm test` makes one). .ci/run runs this after `npm test`.
set -euo pipefail
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  echo "Set TEST_POSTGRES_URL to a PostgreSQL role that may create databases, e.g. postgresql://quire:quire@127.0.0.1:5432/quire" >&2
  exit 2
fi
npm run test:unit
npm run test:e2e
