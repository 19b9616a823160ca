import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PostgresMigrateAdapterFactory } from "./lib/db/postgres-migrate-adapter";

// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the
// schema, falls back to the native query engine and tries to download it, which
// fails offline. So every CLI call (including `prisma generate` at npm install)
// gets the same default the app uses.
process.env.DATABASE_URL ??= "file:./data/quire.db";
const url = process.env.DATABASE_URL;

// DATABASE_URL picks the database, as in lib/db: postgres:// or postgresql://
// for PostgreSQL (the schema derived by scripts/db/postgres-schema.mjs and its
// own migrations), anything else for SQLite.
const postgres = /^postgres(ql)?:\/\//i.test(url);

// Prisma 6.19 runs its schema engine as WebAssembly when given a driver adapter,
// so `migrate deploy` works on machines that cannot download the native engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  adapter: async () =>
    postgres ? new PostgresMigrateAdapterFactory({ connectionString: url }) : new PrismaBetterSQLite3({ url }),
});
