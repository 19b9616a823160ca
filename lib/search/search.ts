import "server-only";
import { db } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";
import { cardSelect, publishedWhere } from "@/lib/articles/queries";
import { queryWords, RESULTS_PER_PAGE, type SearchQuery } from "./schema";
import { snippetHtml } from "./snippet";
import * as engine from "./sqlite";

/**
 * Searching the published articles. This module is the one interface the
 * pages use; the engine behind it (./sqlite.ts, FTS5) is the only part that
 * knows the database. A PostgreSQL engine (tsvector) implements the same
 * countMatches and rankMatches.
 */
export type SearchResults = Awaited<ReturnType<typeof searchArticles>>;

export async function searchArticles({ q, page }: SearchQuery) {
  tagPage(tags.articles);
  const words = queryWords(q);
  const empty = { words, hits: [], total: 0, page: 1, pages: 0, matchedEveryWord: true };
  if (words.length === 0) return empty;
  // Every word first; if no article has them all, any of them, said so on the page.
  let matchedEveryWord = true;
  let total = await engine.countMatches(words, true);
  if (total === 0 && words.length > 1) {
    matchedEveryWord = false;
    total = await engine.countMatches(words, false);
  }
  if (total === 0) return empty;
  const pages = Math.ceil(total / RESULTS_PER_PAGE);
  const shown = Math.min(page, pages);
  const ranked = await engine.rankMatches(words, matchedEveryWord, RESULTS_PER_PAGE, (shown - 1) * RESULTS_PER_PAGE);
  const cards = await db.article.findMany({
    where: { ...publishedWhere, id: { in: ranked.map((match) => match.id) } },
    select: cardSelect,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  const hits = ranked.flatMap((match) => {
    const card = byId.get(match.id);
    return card ? [{ ...card, snippet: snippetHtml(match.snippet) }] : [];
  });
  return { words, hits, total, page: shown, pages, matchedEveryWord };
}
