import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the
// schema, falls back to the native query engine and tries to download it, which
// fails offline. So every CLI call (including `prisma generate` at npm install)
// gets the same default the app uses.
process.env.DATABASE_URL ??= "file:./data/quire.db";

// Prisma 6.19 runs its schema engine as WebAssembly when given a driver adapter,
// so `migrate deploy` works on machines that cannot download the native engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
