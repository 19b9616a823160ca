import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePageNumber } from "@/lib/discussion/queries";
import { ArticlePage, articleMetadata } from "../../article-page";

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const metadata = await articleMetadata(slug);
  return { ...metadata, title: `${String(metadata.title)} (posts, page ${page})` };
}

/** A fixed page of older posts: /articles/<slug>/posts/1 always holds Posts 1-50. */
export default async function OlderPostsPage({ params }: Props) {
  const { slug, page } = await params;
  const discussionPage = parsePageNumber(page);
  if (discussionPage === null) notFound();
  return <ArticlePage slug={slug} discussionPage={discussionPage} />;
}
