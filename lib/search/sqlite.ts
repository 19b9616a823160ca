import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { RankedMatch, SearchEngine } from "./engine";
import { MATCH_END, MATCH_START } from "./snippet";

/**
 * Article search on SQLite: the FTS5 table "ArticleSearch" (see its
 * migration), kept in step with Article by triggers. Title matches weigh ten
 * times a body match and summary matches four times (bm25 column weights).
 * A factory over a client (relative imports, no "server-only"), so that
 * `npm run bench` times exactly this code on its own connection.
 */
const WEIGHTS = Prisma.raw("10.0, 4.0, 1.0");
const SNIPPET_TOKENS = 24;

/** Each word quoted: inside quotes FTS5 reads nothing as an operator. */
function matchExpression(words: string[], every: boolean): string {
  return words.map((word) => `"${word}"`).join(every ? " AND " : " OR ");
}

export function sqliteSearchEngine(db: PrismaClient): SearchEngine {
  return {
    async countMatches(words, every) {
      const [row] = await db.$queryRaw<{ total: bigint | number }[]>`
        SELECT count(*) AS total FROM "ArticleSearch" s JOIN "Article" a ON a.id = s.rowid
        WHERE "ArticleSearch" MATCH ${matchExpression(words, every)}
          AND a.status = 'PUBLISHED' AND a.publishedAt IS NOT NULL`;
      return Number(row?.total ?? 0);
    },
    async rankMatches(words, every, take, skip) {
      return db.$queryRaw<RankedMatch[]>`
        SELECT a.id AS id,
          snippet("ArticleSearch", -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS snippet
        FROM "ArticleSearch" s JOIN "Article" a ON a.id = s.rowid
        WHERE "ArticleSearch" MATCH ${matchExpression(words, every)}
          AND a.status = 'PUBLISHED' AND a.publishedAt IS NOT NULL
        ORDER BY bm25("ArticleSearch", ${WEIGHTS}), a.publishedAt DESC
        LIMIT ${take} OFFSET ${skip}`;
    },
  };
}
