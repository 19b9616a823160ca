// `npm run db:copy -- <from> <to>`: copies a whole Quire site from one database to
// another, to move a SQLite site to PostgreSQL (or back). Stop the site first.
// The target is migrated here and must hold no rows; the source must have every
// migration applied. Progress goes to stderr, the report to stdout. Exit code 0
// when it copied, 1 when the copy was refused or failed (the target then holds
// no rows), 2 for usage or a URL that names no database Quire can use.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { connectDatabase } from "../lib/db/connect";
import { copyArgumentsSchema, copyDatabase, CopyRefused, describeOccupied, occupiedTables } from "../lib/db/copy";
import { dialectOf } from "../lib/db/dialect";
import { MIGRATIONS_DIRS, pendingMigrations } from "../lib/db/migrations";
import { migrateDeploy } from "../lib/db/migrate-deploy";

const USAGE = `Usage: npm run db:copy -- <from> <to>
  e.g. npm run db:copy -- file:./data/quire.db postgresql://quire:secret@127.0.0.1:5432/quire
  <from>  the site's database, every migration applied (file:... or postgresql://...)
  <to>    a new, empty database: it is migrated, then filled`;

function parseCommandLine() {
  const { values, positionals } = parseArgs({ options: { help: { type: "boolean" } }, allowPositionals: true });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 2) {
    console.error(`Name two databases, the site's and the new one.\n${USAGE}`);
    process.exit(2);
  }
  const parsed = copyArgumentsSchema.safeParse({ from: positionals[0], to: positionals[1] });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n${USAGE}`);
    process.exit(2);
  }
  return parsed.data;
}

const { from, to } = parseCommandLine();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Runs `work` with a client on `url`, closed afterwards (the schema engine needs a SQLite file free). */
async function withClient<T>(url: string, work: (db: ReturnType<typeof connectDatabase>) => Promise<T>): Promise<T> {
  const db = connectDatabase(url, { poolSize: 2 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Fails with a sentence naming the database when it cannot be reached (a wrong password, no such database). */
async function reachable(db: ReturnType<typeof connectDatabase>, role: string) {
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    throw new CopyRefused(`Could not open the ${role} database: ${(error as Error).message.trim().split("\n").at(-1)}`);
  }
}

const migrationCount = (url: string) =>
  fs.readdirSync(MIGRATIONS_DIRS[dialectOf(url)], { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

try {
  const sourcePending = await withClient(from, async (db) => {
    await reachable(db, "source");
    return pendingMigrations(db, MIGRATIONS_DIRS[dialectOf(from)]);
  });
  if (sourcePending.length === migrationCount(from))
    throw new CopyRefused("The source database has none of Quire's migrations: is it a Quire site?");
  if (sourcePending.length > 0)
    throw new CopyRefused(
      `The source database lacks ${plural(sourcePending.length, "migration")} (${sourcePending.join(", ")}): ` +
        `apply them first with DATABASE_URL=<from> npm run db:deploy.`,
    );

  // Refused before anything touches the target, migrations included.
  const targetPending = await withClient(to, async (db) => {
    await reachable(db, "target");
    const occupied = await occupiedTables(db);
    if (occupied.length > 0) throw new CopyRefused(describeOccupied(occupied));
    return pendingMigrations(db, MIGRATIONS_DIRS[dialectOf(to)]);
  });
  if (targetPending.length > 0) {
    console.error(`Migrating the target: ${plural(targetPending.length, "migration")}.`);
    await migrateDeploy(to, { quiet: true });
  }

  const source = connectDatabase(from, { poolSize: 2 });
  const target = connectDatabase(to, { poolSize: 2 });
  try {
    const report = await copyDatabase(source, target, (line) => console.error(line));
    console.log(report.toText());
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
} catch (error) {
  if (error instanceof CopyRefused) console.error(`Copy refused: ${error.message}`);
  else console.error(`Copy failed, and the target holds no rows: ${(error as Error).message ?? error}`);
  process.exitCode = 1;
}
