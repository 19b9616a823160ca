import { z } from "zod";

/** Longer queries are cut here rather than refused: a pasted paragraph still finds something. */
export const MAX_QUERY_LENGTH = 2000;
/** Words beyond these are ignored; a query of a dozen words is already very specific. */
export const MAX_QUERY_WORDS = 12;
export const RESULTS_PER_PAGE = 10;

// Search input is whatever a reader (or a bot) puts in the address bar: it is
// never refused, only tidied. Repeated parameters take the first value.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const searchQuerySchema = z.object({
  q: z.preprocess(
    firstValue,
    z
      .string()
      .catch("")
      .transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  ),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1000).catch(1)),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/**
 * The words of a query, and only its words: letters and digits in any script,
 * lower-cased. Quotes, `*`, `-`, `^`, brackets, `column:` and control
 * characters are separators, and AND/OR/NOT/NEAR are ordinary words, so no
 * input can be read as query syntax by any search engine behind lib/search.
 */
export function queryWords(q: string): string[] {
  const words = [...q.normalize("NFKC").matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0].toLowerCase().slice(0, 40));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}
