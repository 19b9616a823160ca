import pg from "pg";
import { dialectOf } from "./dialect";

/** The advisory lock key the processes of one PostgreSQL site share while they migrate and seed. */
const START_LOCK_KEY = 0x51756972; // "Quir"

/**
 * Runs `work` while holding a PostgreSQL session-level advisory lock, so that
 * of several processes starting at once on one database one migrates and
 * seeds while the others wait, then find nothing left to do. On SQLite,
 * `work` just runs.
 */
export async function holdingStartLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (dialectOf(url) === "sqlite") return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [START_LOCK_KEY]);
    return await work();
  } finally {
    await client.end();
  }
}
