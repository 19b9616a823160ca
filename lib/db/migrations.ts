import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Dialect } from "./dialect";

/** Each database's checked-in migrations, both written from prisma/schema.prisma (scripts/new-migration.sh). */
export const MIGRATIONS_DIRS: Record<Dialect, string> = {
  sqlite: path.resolve("prisma", "migrations"),
  postgres: path.resolve("prisma", "postgres", "migrations"),
};
export const MIGRATIONS_DIR = MIGRATIONS_DIRS.sqlite;

/**
 * The checked-in migrations the database has not applied yet (all of them for
 * a new database, whose `_prisma_migrations` table does not exist yet).
 *
 * The production start asks this before running `prisma migrate deploy`, and
 * skips the migrate step when nothing is pending: the CLI costs seconds at
 * every start, and its schema engine gives up at once (SQLITE_BUSY) when any
 * other process has the database open, which would stop a restart beside a
 * running backup or a second server process. `dir` is the dialect's folder
 * (MIGRATIONS_DIRS).
 */
export async function pendingMigrations(db: PrismaClient, dir = MIGRATIONS_DIR): Promise<string[]> {
  const checkedIn = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return checkedIn;
  }
  return checkedIn.filter((name) => !applied.has(name));
}
