import "server-only";
import { cache } from "react";
import { db, type Prisma } from "@/lib/db";
import { publishedWhere } from "@/lib/articles/queries";
import { tagPage, tags } from "@/lib/cache";
import type { SessionUser } from "@/lib/auth/session-user";
import { posterNameFields, publicPosterName } from "./poster";
import { EDIT_WINDOW_MINUTES, editableUntil } from "./permissions";

export const POSTS_PER_PAGE = 50;

/**
 * Pages are fixed ranges of post numbers (page 1 holds Posts 1-50), so a page
 * URL shows the same posts forever; the newest page is the default view.
 */
export function pageCount(nextPostNumber: number): number {
  return Math.max(1, Math.ceil((nextPostNumber - 1) / POSTS_PER_PAGE));
}

export function pageOfPost(number: number): number {
  return Math.ceil(number / POSTS_PER_PAGE);
}

/** A page number as written in a URL ("1", "2", ...), or null if it is not one. */
export function parsePageNumber(text: string): number | null {
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null;
}

type PostRow = {
  id: number;
  number: number;
  body: string;
  anonymous: boolean;
  anonHandle: string | null;
  authorUsername: string | null;
  createdAt: Date;
  editedAt: Date | null;
};

/**
 * Approved posts on one page, newest first, with their mentions resolved to
 * post numbers: two statements (posts with their authors' names, then the
 * page's mentions of visible posts) where Prisma's nested select issues four.
 * Memoized per request: the discussion and the page's structured data share it.
 */
export const listApprovedPosts = cache(async (articleId: number, page: number) => {
  tagPage(tags.posts(articleId));
  const from = (page - 1) * POSTS_PER_PAGE + 1;
  const to = page * POSTS_PER_PAGE;
  const posts = await db.$queryRaw<PostRow[]>`
    SELECT p."id", p."number", p."body", p."anonymous", p."anonHandle", u."username" AS "authorUsername",
           p."createdAt", p."editedAt"
    FROM "Comment" p LEFT JOIN "User" u ON u."id" = p."authorId"
    WHERE p."articleId" = ${articleId} AND p."status" = 'APPROVED' AND p."number" BETWEEN ${from} AND ${to}
    ORDER BY p."number" DESC`;
  const mentions = await db.$queryRaw<{ commentId: number; name: string; targetNumber: number }[]>`
    SELECT m."commentId", m."name", t."number" AS "targetNumber"
    FROM "Comment" p
    JOIN "Mention" m ON m."commentId" = p."id"
    JOIN "Comment" t ON t."id" = m."targetCommentId"
    WHERE p."articleId" = ${articleId} AND p."status" = 'APPROVED' AND p."number" BETWEEN ${from} AND ${to}
      AND t."status" = 'APPROVED' AND t."number" IS NOT NULL`;
  const targetsByPost = new Map<number, Map<string, number>>();
  for (const mention of mentions) {
    let targets = targetsByPost.get(mention.commentId);
    if (!targets) targetsByPost.set(mention.commentId, (targets = new Map()));
    targets.set(mention.name.toLowerCase(), mention.targetNumber);
  }
  return posts.map((post) => ({
    id: post.id,
    number: post.number,
    body: post.body,
    posterName: publicPosterName({ ...post, author: post.authorUsername === null ? null : { username: post.authorUsername } }),
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    mentionTargets: (targetsByPost.get(post.id) ?? new Map()) as ReadonlyMap<string, number>,
  }));
});

export type PublicPost = Awaited<ReturnType<typeof listApprovedPosts>>[number];

/** A published article, as much of it as posting and listing posts need. */
export async function getDiscussionArticle(slug: string) {
  return db.article.findFirst({
    where: { slug, ...publishedWhere },
    select: { id: true, slug: true, title: true, discussionOpen: true, nextPostNumber: true },
  });
}

/**
 * Who is asking for "my posts": the signed-in user, and the ids of posts this
 * browser made as a guest (from its signed receipt cookie, lib/discussion/receipt.ts).
 */
export type OwnPostsViewer = { user: SessionUser | null; receiptIds: number[] };

/**
 * The viewer's own posts on an article that the public page does not show or
 * that they may still change: those awaiting moderation, and a signed-in
 * author's posts still inside the edit window. Nobody else's posts, ever.
 */
export async function listOwnPosts(articleId: number, { user, receiptIds }: OwnPostsViewer, now = new Date()) {
  const mine: Prisma.CommentWhereInput[] = [];
  if (user) {
    const editableSince = new Date(now.getTime() - EDIT_WINDOW_MINUTES * 60_000);
    mine.push({ authorId: user.id, OR: [{ status: "PENDING" }, { status: "APPROVED", createdAt: { gt: editableSince } }] });
  }
  if (receiptIds.length > 0) mine.push({ authorId: null, id: { in: receiptIds }, status: "PENDING" });
  if (mine.length === 0) return [];
  const posts = await db.comment.findMany({
    where: { articleId, OR: mine },
    orderBy: { createdAt: "desc" },
    take: POSTS_PER_PAGE,
    select: {
      id: true,
      number: true,
      status: true,
      body: true,
      authorId: true,
      ...posterNameFields,
      createdAt: true,
      editedAt: true,
    },
  });
  return posts.map((post) => {
    const until = editableUntil(post);
    return {
      id: post.id,
      number: post.number,
      status: post.status === "PENDING" ? ("pending" as const) : ("approved" as const),
      body: post.body,
      posterName: publicPosterName(post),
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      editableUntil: user && post.authorId === user.id && until > now ? until : null,
    };
  });
}

/** How many approved posts an article has (for its structured data's commentCount). */
export async function countApprovedPosts(articleId: number): Promise<number> {
  tagPage(tags.posts(articleId));
  return db.comment.count({ where: { articleId, status: "APPROVED" } });
}
