import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";
import { rankRelated, relatedModel } from "./related";

export const publishedWhere = { status: "PUBLISHED" as const, publishedAt: { not: null } };

export const cardSelect = {
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

type ArticleRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
  copyrightHolder: string;
  discussionOpen: boolean;
  categoryId: number;
  nextPostNumber: number;
  categorySlug: string;
  categoryName: string;
  authorUsername: string;
  authorDisplayName: string | null;
  editorUsername: string | null;
  editorDisplayName: string | null;
};

/**
 * One published article with everything its page shows, in two statements
 * (the article with its category and people, then its tags) instead of the
 * five Prisma issues for the nested select: this read is on every uncached
 * article page. Plain SQL that PostgreSQL runs as well. Memoized per request
 * (React's cache), so the page and its metadata share it.
 */
export const getPublishedArticle = cache(async (slug: string) => {
  // A miss is tagged too: the "not found" page goes when an article takes the slug.
  tagPage(tags.articles);
  const [row] = await db.$queryRaw<ArticleRow[]>`
    SELECT a."id", a."slug", a."title", a."summary", a."body", a."publishedAt", a."updatedAt",
           a."copyrightHolder", a."discussionOpen", a."categoryId", a."nextPostNumber",
           c."slug" AS "categorySlug", c."name" AS "categoryName",
           au."username" AS "authorUsername", au."displayName" AS "authorDisplayName",
           ed."username" AS "editorUsername", ed."displayName" AS "editorDisplayName"
    FROM "Article" a
    JOIN "Category" c ON c."id" = a."categoryId"
    JOIN "User" au ON au."id" = a."authorId"
    LEFT JOIN "User" ed ON ed."id" = a."editorId"
    WHERE a."slug" = ${slug} AND a."status" = 'PUBLISHED' AND a."publishedAt" IS NOT NULL`;
  if (!row) return null;
  tagPage(tags.article(row.id));
  const articleTags = await db.$queryRaw<{ id: number; slug: string; name: string }[]>`
    SELECT t."id", t."slug", t."name" FROM "ArticleTag" at JOIN "Tag" t ON t."id" = at."tagId"
    WHERE at."articleId" = ${row.id} ORDER BY t."name"`;
  const { categorySlug, categoryName, authorUsername, authorDisplayName, editorUsername, editorDisplayName, ...article } = row;
  return {
    ...article,
    category: { slug: categorySlug, name: categoryName },
    author: { username: authorUsername, displayName: authorDisplayName },
    editor: editorUsername === null ? null : { username: editorUsername, displayName: editorDisplayName },
    tags: articleTags.map((tag) => ({ tag })),
  };
});

/**
 * The current slug of a published article that used to be at `slug`, or null:
 * an old address answers 301 to the new one. Tagged like the article, so the
 * redirect goes when the article moves again or is unpublished.
 */
export async function findMovedArticle(slug: string): Promise<string | null> {
  tagPage(tags.articles);
  const [row] = await db.$queryRaw<{ id: number; slug: string }[]>`
    SELECT a."id", a."slug" FROM "ArticleSlug" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."slug" = ${slug} AND a."status" = 'PUBLISHED' AND a."publishedAt" IS NOT NULL`;
  if (!row) return null;
  tagPage(tags.article(row.id));
  return row.slug;
}

export type ArticlePageData = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

/** "You might also Like": the five published articles most like this one (see ./related.ts). */
export async function listRelatedArticles(article: { id: number }, limit = 5) {
  tagPage(tags.articles);
  const ranked = rankRelated(await relatedModel(), article.id, limit);
  if (ranked.length === 0) return [];
  const cards = await db.article.findMany({
    where: { ...publishedWhere, id: { in: ranked.map((r) => r.id) } },
    select: cardSelect,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ranked.flatMap((r) => byId.get(r.id) ?? []);
}
