import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { PrismaClient } from "../generated/prisma/client";
import { dialectOf } from "./dialect";
import { QuirePostgresAdapterFactory } from "./postgres-adapter";
import { BUSY_TIMEOUT_MS, QuireSQLiteAdapterFactory } from "./sqlite-adapter";

/**
 * How long a transaction that PostgreSQL keeps aborting to keep it
 * serializable is tried again: as long as a SQLite writer waits for the lock.
 */
const SERIALIZATION_RETRY_MS = BUSY_TIMEOUT_MS;

/**
 * PostgreSQL aborted the transaction so that the outcome stays as if
 * transactions ran one at a time (SQLSTATE 40001, or a deadlock, 40P01):
 * Prisma's P2034 from a query, adapter-pg's TransactionWriteConflict from a
 * commit. Nothing was written: running it again is always safe.
 */
export function isSerializationFailure(error: unknown): boolean {
  const { code, message, cause } = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { kind?: unknown } };
  if (code === "P2034" || cause?.kind === "TransactionWriteConflict") return true;
  return /TransactionWriteConflict|\b(40001|40P01)\b|could not serialize access|deadlock detected/.test(String(message ?? ""));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs every `$transaction` again after a serialization failure, with a short
 * random pause that grows to at most 50 ms, so that transactions written for
 * SQLite's single writer (read, decide, write) keep their meaning on
 * PostgreSQL. Many posts to one discussion at once collide on its next post
 * number; each round one of them wins. Past SERIALIZATION_RETRY_MS the failure
 * is thrown, and the edge answers 503 (lib/errors.ts isDatabaseBusy): nothing
 * was saved.
 */
function retryingSerializationFailures(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    const giveUpAt = Date.now() + SERIALIZATION_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (Date.now() >= giveUpAt || !isSerializationFailure(error)) throw error;
        await pause(Math.random() * Math.min(50, 2 ** attempt));
      }
    }
  };
  return new Proxy(client, {
    get: (target, property) => (property === "$transaction" ? retrying : Reflect.get(target, property, target)),
  });
}

/**
 * A Prisma client on the database DATABASE_URL names (lib/db/dialect.ts).
 *
 * SQLite: the better-sqlite3 adapter with Quire's pragmas and BEGIN IMMEDIATE
 * (./sqlite-adapter.ts). A writer waits behind others as long as busy_timeout
 * would (Prisma's default is 2 s), then answers 503 like a locked database.
 *
 * PostgreSQL: the pg adapter, every transaction SERIALIZABLE. On SQLite one
 * writer at a time made every read-then-write transaction safe (the last admin
 * check, a post's number, a throttle's count); SERIALIZABLE gives the same
 * guarantee across processes, and a transaction that would break it is
 * retried (above). The PostgreSQL client has the same models and API, generated
 * from the same schema (scripts/db/postgres-schema.mjs), so it is typed as the
 * SQLite one.
 */
export function connectDatabase(url: string, options: { poolSize?: number } = {}): PrismaClient {
  if (dialectOf(url) === "sqlite") {
    return new PrismaClient({
      adapter: new QuireSQLiteAdapterFactory(url),
      transactionOptions: { maxWait: BUSY_TIMEOUT_MS },
    });
  }
  const client = new PostgresPrismaClient({
    adapter: new QuirePostgresAdapterFactory({ connectionString: url, max: options.poolSize ?? 10 }),
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS, isolationLevel: "Serializable" },
  });
  return retryingSerializationFailures(client as unknown as PrismaClient);
}
