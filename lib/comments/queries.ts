import "server-only";
import { db } from "@/lib/db";
import { publicPosterName } from "./poster";

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

/** Approved posts on one page, newest first, with their mentions resolved to post numbers. */
export async function listApprovedPosts(articleId: number, page: number) {
  const from = (page - 1) * POSTS_PER_PAGE + 1;
  const to = page * POSTS_PER_PAGE;
  const posts = await db.comment.findMany({
    where: { articleId, status: "APPROVED", number: { gte: from, lte: to } },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      body: true,
      anonymous: true,
      anonHandle: true,
      createdAt: true,
      editedAt: true,
      author: { select: { username: true } },
      mentions: { select: { name: true, targetComment: { select: { number: true, status: true } } } },
    },
  });
  return posts.map((post) => ({
    id: post.id,
    number: post.number!,
    body: post.body,
    posterName: publicPosterName(post),
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    mentionTargets: new Map(
      post.mentions
        .filter((m) => m.targetComment?.number != null && m.targetComment.status === "APPROVED")
        .map((m) => [m.name.toLowerCase(), m.targetComment!.number!] as const),
    ),
  }));
}

export type PublicPost = Awaited<ReturnType<typeof listApprovedPosts>>[number];

export async function countApprovedPosts(articleId: number): Promise<number> {
  return db.comment.count({ where: { articleId, status: "APPROVED" } });
}
