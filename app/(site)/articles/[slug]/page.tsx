import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedArticle, listRelatedArticles } from "@/lib/articles/queries";
import { ArticleDetails } from "@/components/articles/article-details";
import { ArticleBody } from "@/components/articles/article-body";
import { RelatedArticles } from "@/components/articles/related-articles";
import { Sidebar } from "@/components/sidebar/sidebar";
import { Discussion } from "@/components/discussion/discussion";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? { title: article.title, description: article.summary } : { title: "Article not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  const pageParam = (await searchParams).page;
  const requestedPage = typeof pageParam === "string" && /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : undefined;
  const related = await listRelatedArticles({
    id: article.id,
    categoryId: article.categoryId,
    tagIds: article.tags.map((t) => t.tag.id),
  });

  return (
    <div className="with-sidebar">
      <article className="article" aria-labelledby="article-title">
        <p className="article__category">
          <Link href={`/categories/${article.category.slug}`}>{article.category.name}</Link>
        </p>
        <h1 id="article-title">{article.title}</h1>
        <ArticleDetails article={article} />
        <ul className="article__tools">
          <li>
            <Link href={`/articles/${article.slug}/print`} prefetch={false}>
              Print this Article
            </Link>
          </li>
          <li>
            <Link href="/widgets">Free Widgets for your Site/Blog</Link>
          </li>
        </ul>
        <ArticleBody markdown={article.body} />
        <RelatedArticles articles={related} />
        <Discussion article={article} requestedPage={requestedPage} />
      </article>
      <Sidebar />
    </div>
  );
}
