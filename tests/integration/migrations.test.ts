import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { connectDatabase } from "@/lib/db/connect";
import { MIGRATIONS_DIRS, pendingMigrations } from "@/lib/db/migrations";
import { freshTmpDir } from "../helpers/paths";
import { createDatabase, dropDatabase } from "../helpers/test-database";

const MIGRATIONS_DIR = MIGRATIONS_DIRS[dialect];

const checkedIn = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
const dir = freshTmpDir("migrations");
const emptyUrl = await createDatabase(dir, { prefix: "empty" });
const empty = connectDatabase(emptyUrl);
afterAll(async () => {
  await empty.$disconnect();
  await dropDatabase(emptyUrl);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("pending migrations, as the production start sees them", () => {
  it("are all of them for a new database, so its first start migrates", async () => {
    expect(checkedIn.length).toBeGreaterThan(0);
    expect(await pendingMigrations(empty, MIGRATIONS_DIR)).toEqual([...checkedIn].sort());
  });

  it("are none for a migrated database, so a restart skips the migrate step", async () => {
    expect(await pendingMigrations(db, MIGRATIONS_DIR)).toEqual([]);
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
