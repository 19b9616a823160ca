import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/** How long a statement waits for another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The better-sqlite3 adapter with the pragmas Quire relies on.
 *
 * - WAL lets readers proceed while one writer commits.
 * - synchronous=FULL syncs the WAL on every commit, so an acknowledged write
 *   survives a killed process and a power cut (NORMAL would survive only the former).
 * - An 8 MB page cache (the default is 2 MB) keeps a page render's lookups in the
 *   process. No memory map: mapped pages count against the server's resident
 *   memory, and the kernel's page cache serves the file about as fast.
 * - Every Prisma transaction starts with BEGIN IMMEDIATE instead of the adapter's
 *   deferred BEGIN: the write lock is taken up front, so two writers never deadlock
 *   on a read-to-write upgrade (which SQLite answers with SQLITE_BUSY at once,
 *   without waiting for busy_timeout). Quire only uses transactions for writes.
 */
export class QuireSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  constructor(url: string) {
    super({ url, timeout: BUSY_TIMEOUT_MS });
  }

  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = FULL");
    client.pragma("foreign_keys = ON");
    client.pragma("cache_size = -8000");
    client.pragma("temp_store = MEMORY");
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  }
}
