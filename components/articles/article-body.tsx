import { renderMarkdown } from "@/lib/markdown";

/** The article text. renderMarkdown sanitizes, so inserting its HTML is safe. */
export function ArticleBody({ markdown }: { markdown: string }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
