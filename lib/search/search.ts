import "server-only";
import { db, dialect } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";
import { cardSelect, publishedWhere } from "@/lib/articles/queries";
import { findMatches } from "./matches";
import { queryWords, type SearchQuery } from "./schema";
import { snippetHtml } from "./snippet";
import { searchEngineFor } from "./engines";

/**
 * Searching the published articles. This module is the one interface the
 * pages use; the engine behind it (./sqlite.ts, FTS5, or ./postgres.ts,
 * tsvector, by the database in use) is the only part that knows the database.
 */
const engine = searchEngineFor(dialect, db);
export type SearchResults = Awaited<ReturnType<typeof searchArticles>>;

export async function searchArticles({ q, page }: SearchQuery) {
  tagPage(tags.articles);
  const words = queryWords(q);
  const { ranked, ...matches } = await findMatches(engine, words, page);
  if (ranked.length === 0) return { words, hits: [], ...matches };
  const cards = await db.article.findMany({
    where: { ...publishedWhere, id: { in: ranked.map((match) => match.id) } },
    select: cardSelect,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  const hits = ranked.flatMap((match) => {
    const card = byId.get(match.id);
    return card ? [{ ...card, snippet: snippetHtml(match.snippet) }] : [];
  });
  return { words, hits, ...matches };
}
