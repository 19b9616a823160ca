import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import * as tar from "tar";

/**
 * Backups of a Quire site: the database, copied while the site serves by
 * SQLite's online backup API (a consistent snapshot, whatever writes go on),
 * and the uploaded pictures, in one .tar.gz. Restoring checks a backup whole
 * (it unpacks, the database passes `PRAGMA integrity_check` and has Quire's
 * tables) before it touches the data directory, and keeps what was there.
 */
export const BACKUP_DATABASE = "quire.db";
export const BACKUP_UPLOADS = "uploads";
const MANIFEST = "backup.json";
/** sqlite3_backup_step's page count meaning "the rest", as better-sqlite3 takes it. */
const ALL_PAGES = 0x7fffffff;

export type BackupSummary = { file: string; createdAt: string; articles: number; posts: number; users: number; uploads: number };

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A SQLite file's path from a `file:` DATABASE_URL. */
export function databaseFileOf(url: string): string {
  if (!url.startsWith("file:"))
    throw new Error(
      `npm run backup copies SQLite databases (DATABASE_URL=file:...). On PostgreSQL, back up the database with pg_dump and copy data/uploads (README: Deploying on PostgreSQL).`,
    );
  return url.slice("file:".length).split("?")[0]!;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

function describe(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the database is damaged (integrity_check: ${String(integrity)})`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    for (const table of ["_prisma_migrations", "Article", "Comment", "User"]) {
      if (!tables.has(table)) throw new Error(`it is not a Quire database (no ${table} table)`);
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { articles: count("Article"), posts: count("Comment"), users: count("User") };
  } finally {
    db.close();
  }
}

/** Writes `<into>/quire-<time>.tar.gz` from a live site's database and data directory. */
export async function backupSite({
  databaseFile,
  dataDir,
  into,
}: {
  databaseFile: string;
  dataDir: string;
  into: string;
}): Promise<BackupSummary> {
  const work = tempDir("quire-backup-");
  try {
    const source = new Database(databaseFile, { fileMustExist: true });
    try {
      // All pages in one step: a backup copied in small steps starts over each
      // time another connection writes, which on a busy site is forever.
      await source.backup(path.join(work, BACKUP_DATABASE), { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const uploads = path.join(dataDir, BACKUP_UPLOADS);
    if (fs.existsSync(uploads)) fs.cpSync(uploads, path.join(work, BACKUP_UPLOADS), { recursive: true });
    const createdAt = new Date().toISOString();
    const summary = {
      createdAt,
      ...describe(path.join(work, BACKUP_DATABASE)),
      uploads: countFiles(path.join(work, BACKUP_UPLOADS)),
    };
    fs.writeFileSync(path.join(work, MANIFEST), `${JSON.stringify(summary, null, 2)}\n`);
    fs.mkdirSync(into, { recursive: true });
    const file = path.join(into, `quire-${createdAt.replace(/[:.]/g, "-")}.tar.gz`);
    await tar.create({ gzip: true, file, cwd: work, portable: true }, fs.readdirSync(work));
    return { file, ...summary };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Puts a backup back: unpacked and checked first, then the database file and
 * the uploads replace the data directory's, whose previous ones are kept
 * beside them as `*.before-restore-<time>`. The site must be stopped.
 */
export async function restoreSite({
  file,
  databaseFile,
  dataDir,
}: {
  file: string;
  databaseFile: string;
  dataDir: string;
}): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new Error(`There is no file ${file}.`);
  const work = tempDir("quire-restore-");
  try {
    try {
      // Only plain files and folders, never outside the folder it unpacks into.
      await tar.extract({
        file,
        cwd: work,
        strict: true,
        filter: (_path, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory"),
      });
    } catch (error) {
      throw new Error(`${file} is not a Quire backup (${(error as Error).message}).`);
    }
    const restoredDb = path.join(work, BACKUP_DATABASE);
    if (!fs.existsSync(restoredDb)) throw new Error(`${file} is not a Quire backup (it holds no ${BACKUP_DATABASE}).`);
    let summary;
    try {
      summary = describe(restoredDb);
    } catch (error) {
      throw new Error(`${file} cannot be restored: ${(error as Error).message}.`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    if (fs.existsSync(databaseFile)) fs.renameSync(databaseFile, `${databaseFile}.before-restore-${stamp}`);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
    fs.copyFileSync(restoredDb, databaseFile);
    const uploads = path.join(dataDir, BACKUP_UPLOADS);
    if (fs.existsSync(uploads)) fs.renameSync(uploads, `${uploads}.before-restore-${stamp}`);
    if (fs.existsSync(path.join(work, BACKUP_UPLOADS))) fs.cpSync(path.join(work, BACKUP_UPLOADS), uploads, { recursive: true });
    const manifest = path.join(work, MANIFEST);
    const createdAt = fs.existsSync(manifest) ? String(JSON.parse(fs.readFileSync(manifest, "utf8")).createdAt ?? "") : "";
    return { file, createdAt, ...summary, uploads: countFiles(uploads) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
