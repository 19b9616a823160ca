/** The sources of Markdown pictures written without alt text: `![](/media/…)`. */
export function missingAltText(markdown: string): string[] {
  return [...markdown.matchAll(/!\[\s*\]\(\s*<?([^)\s>]*)/g)].map((match) => match[1] || "(no address)");
}
