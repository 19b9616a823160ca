import "server-only";
import { cache } from "react";
import { db, Prisma } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";

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

type CardRow = Omit<ArticleCardData, "category"> & { categorySlug: string; categoryName: string };

const toCard = ({ categorySlug, categoryName, ...card }: CardRow): ArticleCardData => ({
  ...card,
  category: { slug: categorySlug, name: categoryName },
});

/**
 * "You might also Like": published articles ranked by how many tags they share
 * with this one (two points each), with a point for the same category; newest
 * first on ties. An article sharing a tag always outranks one that only shares
 * the category, so the ranking is done in the database in two bounded steps
 * (tag sharers, then the category's newest to fill up), never by loading the
 * whole category.
 */
export async function listRelatedArticles(article: { id: number; categoryId: number }, limit = 5) {
  tagPage(tags.articles);
  const sharers = await db.$queryRaw<CardRow[]>`
    SELECT a."id", a."slug", a."title", a."summary", a."publishedAt", a."updatedAt",
           c."slug" AS "categorySlug", c."name" AS "categoryName"
    FROM "ArticleTag" mine
    JOIN "ArticleTag" other ON other."tagId" = mine."tagId" AND other."articleId" <> mine."articleId"
    JOIN "Article" a ON a."id" = other."articleId"
    JOIN "Category" c ON c."id" = a."categoryId"
    WHERE mine."articleId" = ${article.id} AND a."status" = 'PUBLISHED' AND a."publishedAt" IS NOT NULL
    GROUP BY a."id", a."slug", a."title", a."summary", a."publishedAt", a."updatedAt", a."categoryId", c."slug", c."name"
    ORDER BY 2 * COUNT(*) + CASE WHEN a."categoryId" = ${article.categoryId} THEN 1 ELSE 0 END DESC, a."publishedAt" DESC
    LIMIT ${limit}`;
  if (sharers.length >= limit) return sharers.map(toCard);
  const taken = [article.id, ...sharers.map((s) => s.id)];
  const sameCategory = await db.$queryRaw<CardRow[]>`
    SELECT a."id", a."slug", a."title", a."summary", a."publishedAt", a."updatedAt",
           c."slug" AS "categorySlug", c."name" AS "categoryName"
    FROM "Article" a JOIN "Category" c ON c."id" = a."categoryId"
    WHERE a."categoryId" = ${article.categoryId} AND a."status" = 'PUBLISHED' AND a."publishedAt" IS NOT NULL
      AND a."id" NOT IN (${Prisma.join(taken)})
    ORDER BY a."publishedAt" DESC
    LIMIT ${limit - sharers.length}`;
  return [...sharers, ...sameCategory].map(toCard);
}
