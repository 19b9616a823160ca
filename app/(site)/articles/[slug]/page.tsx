import type { Metadata } from "next";
import { ArticlePage, articleMetadata } from "./article-page";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <ArticlePage slug={(await params).slug} />;
}
