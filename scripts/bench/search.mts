// Search latency on the demo content: Quire's own search code (lib/search:
// words, count and ranking with snippets, the any-word fallback) timed in
// this process on its own connection, query after query, with the engine of
// the database: FTS5 on a SQLite file, tsvector on a PostgreSQL URL.
import { performance } from "node:perf_hooks";
import { connectDatabase } from "../../lib/db/connect";
import { dialectOf } from "../../lib/db/dialect";
import { searchEngineFor } from "../../lib/search/engines";
import { findMatches } from "../../lib/search/matches";
import { queryWords } from "../../lib/search/schema";
import { withBenchDb, type BenchDb } from "./bench-db.mjs";

export type SearchResult = { queries: number; p50Ms: number; p99Ms: number; maxMs: number };

const QUERIES = [
  "why is the sky blue",
  "rainbow",
  "how does compound interest work",
  "sleep",
  "caffeine awake",
  "the",
  "antibiotics bacteria resistance",
  "tides moon",
  '"sky*',
  "title:bread OR stale",
  "xylophonequark",
  "rainbow zzyzzyva",
];
const ROUNDS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** Runs `work` on its own connection to `database`: a SQLite file, or a PostgreSQL URL. */
async function onDatabase<T>(database: string, work: (db: BenchDb) => Promise<T>): Promise<T> {
  if (dialectOf(database) === "sqlite") return withBenchDb(database, work);
  const db = connectDatabase(database);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** `database`: the bench's SQLite file, or a postgres:// URL. */
export async function measureSearch(database: string): Promise<SearchResult> {
  return onDatabase(database, async (db) => {
    const engine = searchEngineFor(dialectOf(database), db);
    for (const q of QUERIES) await findMatches(engine, queryWords(q), 1);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        const started = performance.now();
        await findMatches(engine, queryWords(q), 1 + (round % 2));
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    return { queries: times.length, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), maxMs: times.at(-1)! };
  });
}
