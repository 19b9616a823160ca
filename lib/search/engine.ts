/**
 * What lib/search needs from a database's full-text search: how many
 * published articles match a query's words (all of them, or any), and one
 * page of them, best first, each with a snippet whose matched words are
 * between MATCH_START and MATCH_END (./snippet.ts). The words come from
 * queryWords (./schema.ts): letters and digits only, lower-cased.
 * Implementations: ./sqlite.ts (FTS5) and ./postgres.ts (tsvector).
 */
export type RankedMatch = { id: number; snippet: string };

export type SearchEngine = {
  countMatches(words: string[], every: boolean): Promise<number>;
  rankMatches(words: string[], every: boolean, take: number, skip: number): Promise<RankedMatch[]>;
};
