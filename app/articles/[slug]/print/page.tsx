import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublishedArticle } from "@/lib/articles/queries";
import { shortLinkPath } from "@/lib/articles/short-link";
import { ArticleBody } from "@/components/articles/article-body";
import { ArticleDetails } from "@/components/articles/article-details";
import { siteUrl, SITE_NAME } from "@/lib/config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? { title: `${article.title} (print)`, robots: { index: false } } : { title: "Article not found" };
}

/**
 * The article alone, laid out for paper: the title, its Article Details, the
 * text with its pictures and a short link to type in to read it online. No
 * navigation, sidebar, discussion or forms.
 */
export default async function PrintArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  const shortLink = `${siteUrl()}${shortLinkPath(article.id)}`;
  return (
    <main className="print-article">
      <p className="print-article__masthead">{SITE_NAME}: clear answers to common questions</p>
      <h1>{article.title}</h1>
      <p className="lead">{article.summary}</p>
      <ArticleDetails article={article} />
      <ArticleBody markdown={article.body} />
      <footer className="print-article__footer">
        <p>
          Read it online, and the readers&apos; discussion, at <strong className="print-article__short-link">{shortLink}</strong>
        </p>
      </footer>
    </main>
  );
}
