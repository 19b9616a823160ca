import type { PrismaClient } from "../generated/prisma/client";
import type { Dialect } from "../db/dialect";
import type { SearchEngine } from "./engine";
import { postgresSearchEngine } from "./postgres";
import { sqliteSearchEngine } from "./sqlite";

/** The search engine for a client on the given database: FTS5 on SQLite, tsvector on PostgreSQL. */
export function searchEngineFor(dialect: Dialect, db: PrismaClient): SearchEngine {
  return dialect === "postgres" ? postgresSearchEngine(db) : sqliteSearchEngine(db);
}
