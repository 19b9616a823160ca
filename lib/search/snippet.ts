import { escapeHtml } from "@/lib/text";

/** Markers the search engine puts around matched words, chosen because no article contains them. */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

/**
 * A snippet of Markdown source with marked matches, as safe HTML for the
 * results page: Markdown's punctuation and link targets dropped (the reader
 * sees words, not `**` or URLs), everything escaped, matches in `<mark>`.
 */
export function snippetHtml(marked: string): string {
  const words = marked
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, "$1")
    .replace(/\]\([^)]*\)?/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/[*_`#>|~[\]]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return escapeHtml(words).replaceAll(MATCH_START, "<mark>").replaceAll(MATCH_END, "</mark>");
}
