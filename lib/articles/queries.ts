import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";

export const publishedWhere = { status: "PUBLISHED" as const, publishedAt: { not: null } };

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  updatedAt: true,
  category: { select: { slug: true, name: true } },
} as const;

export async function listLatestArticles(limit = 12) {
  tagPage(tags.articles);
  return db.article.findMany({
    where: publishedWhere,
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: cardSelect,
  });
}

export type ArticleCardData = Awaited<ReturnType<typeof listLatestArticles>>[number];

export async function listCategoriesWithCounts() {
  tagPage(tags.articles);
  const categories = await db.category.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      description: true,
      _count: { select: { articles: { where: publishedWhere } } },
    },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, articleCount: _count.articles }));
}

export async function getCategoryWithArticles(slug: string) {
  tagPage(tags.articles);
  return db.category.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      articles: { where: publishedWhere, orderBy: { publishedAt: "desc" }, select: cardSelect },
    },
  });
}

export async function getAuthorWithArticles(username: string) {
  tagPage(tags.articles);
  const author = await db.user.findUnique({
    where: { usernameKey: username.toLowerCase() },
    select: {
      username: true,
      displayName: true,
      bio: true,
      articlesWritten: { where: publishedWhere, orderBy: { publishedAt: "desc" }, select: cardSelect },
    },
  });
  // Only people who have published something have a public author page.
  return author && author.articlesWritten.length > 0 ? author : null;
}

/**
 * One published article with everything its page shows. Memoized per request
 * (React's cache), so the page and its metadata share one query.
 */
export const getPublishedArticle = cache(async (slug: string) => {
  // A miss is tagged too: the "not found" page goes when an article takes the slug.
  tagPage(tags.articles);
  const article = await db.article.findFirst({
    where: { slug, ...publishedWhere },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      copyrightHolder: true,
      discussionOpen: true,
      categoryId: true,
      nextPostNumber: true,
      category: { select: { slug: true, name: true } },
      author: { select: { username: true, displayName: true } },
      editor: { select: { username: true, displayName: true } },
      tags: { select: { tag: { select: { id: true, slug: true, name: true } } } },
    },
  });
  if (article) tagPage(tags.article(article.id));
  return article;
});

export type ArticlePageData = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

/**
 * "You might also Like": published articles ranked by how many tags they share
 * with this one, with a bonus for the same category; newest first on ties.
 */
export async function listRelatedArticles(
  article: { id: number; categoryId: number; tagIds: number[] },
  limit = 5,
) {
  tagPage(tags.articles);
  const candidates = await db.article.findMany({
    where: {
      ...publishedWhere,
      id: { not: article.id },
      OR: [{ categoryId: article.categoryId }, { tags: { some: { tagId: { in: article.tagIds } } } }],
    },
    select: { ...cardSelect, categoryId: true, tags: { select: { tagId: true } } },
  });
  const tagIds = new Set(article.tagIds);
  return candidates
    .map((candidate) => ({
      candidate,
      score:
        2 * candidate.tags.filter((t) => tagIds.has(t.tagId)).length +
        (candidate.categoryId === article.categoryId ? 1 : 0),
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.candidate.publishedAt?.getTime() ?? 0) - (a.candidate.publishedAt?.getTime() ?? 0),
    )
    .slice(0, limit)
    .map(({ candidate: { tags: _tags, categoryId: _categoryId, ...card } }) => card);
}
