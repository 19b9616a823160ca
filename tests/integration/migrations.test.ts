import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { QuireSQLiteAdapterFactory } from "@/lib/db/sqlite-adapter";
import { MIGRATIONS_DIR, pendingMigrations } from "@/lib/db/migrations";
import { freshTmpDir } from "../helpers/paths";

const checkedIn = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
const dir = freshTmpDir("migrations");
const empty = new PrismaClient({ adapter: new QuireSQLiteAdapterFactory(`file:${path.join(dir, "new.db")}`) });
afterAll(async () => {
  await empty.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("pending migrations, as the production start sees them", () => {
  it("are all of them for a new database, so its first start migrates", async () => {
    expect(checkedIn.length).toBeGreaterThan(0);
    expect(await pendingMigrations(empty)).toEqual([...checkedIn].sort());
  });

  it("are none for a migrated database, so a restart skips the migrate step", async () => {
    expect(await pendingMigrations(db)).toEqual([]);
  });

  it("include a migration that was checked in after the database was migrated", async () => {
    const later = freshTmpDir("migrations-later");
    for (const name of checkedIn) fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(later, name), { recursive: true });
    fs.mkdirSync(path.join(later, "29991231000000_later"));
    fs.writeFileSync(path.join(later, "29991231000000_later", "migration.sql"), "-- nothing\n");
    expect(await pendingMigrations(db, later)).toEqual(["29991231000000_later"]);
    fs.rmSync(later, { recursive: true, force: true });
  });
});
