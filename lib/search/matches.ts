import { RESULTS_PER_PAGE } from "./schema";
import type { RankedMatch, SearchEngine } from "./engine";

export type Matches = { ranked: RankedMatch[]; total: number; page: number; pages: number; matchedEveryWord: boolean };

/**
 * One page of matches for a query's words: articles with every word first;
 * if none has them all, those with any of them (and the page says so). A page
 * past the end shows the last one.
 */
export async function findMatches(engine: SearchEngine, words: string[], page: number): Promise<Matches> {
  let matchedEveryWord = true;
  let total = words.length === 0 ? 0 : await engine.countMatches(words, true);
  if (total === 0 && words.length > 1) {
    matchedEveryWord = false;
    total = await engine.countMatches(words, false);
  }
  if (total === 0) return { ranked: [], total: 0, page: 1, pages: 0, matchedEveryWord: true };
  const pages = Math.ceil(total / RESULTS_PER_PAGE);
  const shown = Math.min(page, pages);
  const ranked = await engine.rankMatches(words, matchedEveryWord, RESULTS_PER_PAGE, (shown - 1) * RESULTS_PER_PAGE);
  return { ranked, total, page: shown, pages, matchedEveryWord };
}
