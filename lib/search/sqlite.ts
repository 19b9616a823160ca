import "server-only";
import { db, Prisma } from "@/lib/db";
import { MATCH_END, MATCH_START } from "./snippet";

/**
 * Article search on SQLite: the FTS5 table "ArticleSearch" (see its
 * migration), kept in step with Article by triggers. Title matches weigh ten
 * times a body match and summary matches four times (bm25 column weights).
 */
const WEIGHTS = Prisma.raw("10.0, 4.0, 1.0");
const SNIPPET_TOKENS = 24;

export type RankedMatch = { id: number; snippet: string };

/** Each word quoted: inside quotes FTS5 reads nothing as an operator. */
function matchExpression(words: string[], every: boolean): string {
  return words.map((word) => `"${word}"`).join(every ? " AND " : " OR ");
}

export async function countMatches(words: string[], every: boolean): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint | number }[]>`
    SELECT count(*) AS total FROM "ArticleSearch" s JOIN "Article" a ON a.id = s.rowid
    WHERE "ArticleSearch" MATCH ${matchExpression(words, every)}
      AND a.status = 'PUBLISHED' AND a.publishedAt IS NOT NULL`;
  return Number(row?.total ?? 0);
}

export async function rankMatches(words: string[], every: boolean, take: number, skip: number): Promise<RankedMatch[]> {
  return db.$queryRaw<RankedMatch[]>`
    SELECT a.id AS id,
      snippet("ArticleSearch", -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM "ArticleSearch" s JOIN "Article" a ON a.id = s.rowid
    WHERE "ArticleSearch" MATCH ${matchExpression(words, every)}
      AND a.status = 'PUBLISHED' AND a.publishedAt IS NOT NULL
    ORDER BY bm25("ArticleSearch", ${WEIGHTS}), a.publishedAt DESC
    LIMIT ${take} OFFSET ${skip}`;
}
