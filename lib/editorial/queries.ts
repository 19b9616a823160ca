import "server-only";
import { containing, db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { assertCanEdit } from "./permissions";
import type { ArticleListQuery } from "./schema";

export const ARTICLES_PER_PAGE = 20;

/** The back office's article list: every article (the bin only when asked), filtered, newest change first. */
export async function listArticlesForEditors(actor: Actor, query: ArticleListQuery) {
  assertCanEdit(actor);
  const where: Prisma.ArticleWhereInput = {
    deletedAt: query.status === "DELETED" ? { not: null } : null,
    ...(query.status && query.status !== "DELETED" ? { status: query.status } : {}),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(query.authorId ? { authorId: query.authorId } : {}),
    ...(query.q ? { OR: [{ title: containing(query.q) }, { summary: containing(query.q) }, { slug: containing(query.q) }] } : {}),
  };
  const [total, articles] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * ARTICLES_PER_PAGE,
      take: ARTICLES_PER_PAGE,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        deletedAt: true,
        revision: true,
        category: { select: { name: true } },
        author: { select: { username: true, displayName: true } },
      },
    }),
  ]);
  return { articles, total, page: query.page, pages: Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE)) };
}

/** What the editor's menus offer: the categories, and the people who may write (staff, and anyone who has written). */
export async function editorChoices(actor: Actor) {
  assertCanEdit(actor);
  const [categories, people] = await Promise.all([
    db.category.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { OR: [{ role: { in: ["EDITOR", "ADMIN"] } }, { articlesWritten: { some: {} } }] },
      orderBy: { username: "asc" },
      select: { id: true, username: true, displayName: true },
    }),
  ]);
  return { categories, people };
}

/** What the editor reads and writes of an article. */
export const editableArticleSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  deletedAt: true,
  categoryId: true,
  authorId: true,
  editorId: true,
  revision: true,
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

/** One article as the editor opens it, with the actor's own unsaved text if autosave kept some. */
export async function getArticleForEditing(actor: Actor, articleId: number) {
  const staff = assertCanEdit(actor);
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      ...editableArticleSelect,
      autosaves: { where: { userId: staff.id }, select: { baseRevision: true, draft: true, savedAt: true } },
    },
  });
  if (!article) throw new NotFound("That article does not exist.");
  const { autosaves, tags, ...rest } = article;
  return { ...rest, tags: tags.map((t) => t.tag.name), autosave: autosaves[0] ?? null };
}

export type ArticleForEditing = Awaited<ReturnType<typeof getArticleForEditing>>;

/** An article as readers will see it, for the preview page: any status, with its people and tags. */
export async function getArticleForPreview(actor: Actor, articleId: number) {
  assertCanEdit(actor);
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      status: true,
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
  if (!article) throw new NotFound("That article does not exist.");
  return article;
}
