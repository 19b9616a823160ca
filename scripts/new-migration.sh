#!/usr/bin/env bash
# `npm run db:migrate -- <name>`: writes the migrations for the change to
# prisma/schema.prisma since the last commit, one for SQLite (prisma/migrations)
# and one for PostgreSQL (prisma/postgres/migrations), then applies the SQLite
# one. (`prisma migrate dev` needs a shadow database, which adapter mode lacks.)
# Prisma's schema engine writes PostgreSQL's SQL only while connected to a
# PostgreSQL server: QUIRE_PG_URL names one (any database; nothing is changed).
# The drift check (tests/integration/schema-drift.test.ts) then holds both to the schema.
set -euo pipefail
name="${1:?usage: npm run db:migrate -- <name>}"
pg_url="${QUIRE_PG_URL:-postgresql://quire:quire@127.0.0.1:5432/quire}"
stamp="$(date -u +%Y%m%d%H%M%S)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git show HEAD:prisma/schema.prisma > "$work/previous.prisma"
node scripts/db/postgres-schema.mjs "$work/previous.prisma" "$work/previous-postgres.prisma"
node scripts/db/postgres-schema.mjs

dir="prisma/migrations/${stamp}_${name}"
mkdir -p "$dir"
DATABASE_URL="${DATABASE_URL:-file:./data/quire.db}" npx prisma migrate diff \
  --from-schema-datamodel "$work/previous.prisma" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "Wrote $dir/migration.sql"

pg_dir="prisma/postgres/migrations/${stamp}_${name}"
mkdir -p "$pg_dir"
DATABASE_URL="$pg_url" npx prisma migrate diff \
  --from-schema-datamodel "$work/previous-postgres.prisma" --to-schema-datamodel prisma/postgres/schema.prisma --script > "$pg_dir/migration.sql"
echo "Wrote $pg_dir/migration.sql"

DATABASE_URL="${DATABASE_URL:-file:./data/quire.db}" npx prisma migrate deploy
