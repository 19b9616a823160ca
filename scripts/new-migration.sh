#!/usr/bin/env bash
# `npm run db:migrate -- <name>`: writes a migration from the change to
# prisma/schema.prisma since the last commit, then applies it.
# (`prisma migrate dev` needs a shadow database, which adapter mode lacks.)
set -euo pipefail
name="${1:?usage: npm run db:migrate -- <name>}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma > "$previous"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$previous" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$previous"
echo "Wrote $dir/migration.sql"
npx prisma migrate deploy
