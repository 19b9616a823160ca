import Link from "next/link";
import type { ArticleCardData } from "@/lib/articles/queries";

export function RelatedArticles({ articles }: { articles: ArticleCardData[] }) {
  if (articles.length === 0) return null;
  return (
    <section className="related-articles" aria-labelledby="related-heading">
      <h2 id="related-heading">You might also Like</h2>
      <ul>
        {articles.map((article) => (
          <li key={article.slug}>
            <Link href={`/articles/${article.slug}`}>{article.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
