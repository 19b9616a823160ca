import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCategoryWithArticles } from "@/lib/articles/queries";
import { ArticleCardList } from "@/components/articles/article-card";
import { SITE_NAME } from "@/lib/config";
import { feedAlternates } from "@/lib/feeds/alternates";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategoryWithArticles((await params).slug);
  if (!category) return { title: "Category not found" };
  return {
    title: category.name,
    alternates: {
      canonical: `/categories/${category.slug}`,
      types: feedAlternates({ path: `/categories/${category.slug}`, title: `${SITE_NAME}: ${category.name}` }),
    },
  };
}

export default async function CategoryPage({ params }: Props) {
  const category = await getCategoryWithArticles((await params).slug);
  if (!category) notFound();
  return (
    <>
      <h1>{category.name}</h1>
      <p className="lead">{category.description}</p>
      <ArticleCardList articles={category.articles} headingLevel={2} />
    </>
  );
}
