import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthorWithArticles } from "@/lib/articles/queries";
import { ArticleCardList } from "@/components/articles/article-card";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorWithArticles((await params).username);
  return { title: author ? (author.displayName ?? author.username) : "Author not found" };
}

export default async function AuthorPage({ params }: Props) {
  const author = await getAuthorWithArticles((await params).username);
  if (!author) notFound();
  return (
    <>
      <h1>{author.displayName ?? author.username}</h1>
      {author.bio && <p className="lead">{author.bio}</p>}
      <h2>Articles</h2>
      <ArticleCardList articles={author.articlesWritten} />
    </>
  );
}
