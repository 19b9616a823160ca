import Link from "next/link";
import type { ArticleCardData } from "@/lib/articles/queries";

export function ArticleCard({ article, headingLevel = 3 }: { article: ArticleCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="article-card">
      <p className="article-card__category">
        <Link href={`/categories/${article.category.slug}`}>{article.category.name}</Link>
      </p>
      <Heading className="article-card__title">
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </Heading>
      <p className="article-card__summary">{article.summary}</p>
    </article>
  );
}

export function ArticleCardList({ articles, headingLevel }: { articles: ArticleCardData[]; headingLevel?: 2 | 3 }) {
  if (articles.length === 0) return <p className="muted">No articles here yet.</p>;
  return (
    <div className="article-card-list">
      {articles.map((article) => (
        <ArticleCard key={article.slug} article={article} headingLevel={headingLevel} />
      ))}
    </div>
  );
}
