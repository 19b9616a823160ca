import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublishedArticle } from "@/lib/articles/queries";
import { ArticleBody } from "@/components/articles/article-body";
import { formatDate } from "@/lib/calendar";
import { siteUrl } from "@/lib/config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? { title: `${article.title} (print)`, robots: { index: false } } : { title: "Article not found" };
}

/** The article alone, laid out for paper: no navigation, sidebar or discussion. */
export default async function PrintArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  const author = article.author.displayName ?? article.author.username;
  const editor = article.editor ? (article.editor.displayName ?? article.editor.username) : null;
  return (
    <main className="print-article">
      <h1>{article.title}</h1>
      <p className="print-article__byline">
        Written by {author}
        {editor && <>; edited by {editor}</>}. Last modified {formatDate(article.updatedAt)}.
      </p>
      <ArticleBody markdown={article.body} />
      <footer className="print-article__footer">
        <p>
          Copyright © {(article.publishedAt ?? article.updatedAt).getUTCFullYear()} {article.copyrightHolder}. From {siteUrl()}
          /articles/{article.slug}
        </p>
      </footer>
    </main>
  );
}
