// Copies of the bench's SQLite database, taken only while no process has it
// open: Quire's start (prisma migrate deploy) fails with SQLITE_BUSY when
// another process holds the file, so each server gets a database of its own.
import fs from "node:fs";

const SIDE_FILES = ["-wal", "-shm"];

export function databaseFile(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

/** Replaces `to` (and its WAL) with a copy of `from`, WAL included if one was left. */
export function copyDatabase(from: string, to: string): void {
  for (const side of SIDE_FILES) fs.rmSync(`${to}${side}`, { force: true });
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}
