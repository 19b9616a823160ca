import type { Tx } from "@/lib/db";
import { parseMentionNames } from "./mentions";
import { publicPosterName } from "./poster";

/**
 * Stores the @mentions in a post: each name that matches someone who posted
 * visibly earlier in the thread points at that poster's latest earlier post.
 * Names that match nobody are left as plain text. Returns the stored mentions,
 * with the registered user behind each (for notification), if any.
 */
export async function recordMentions(tx: Tx, post: { id: number; articleId: number; body: string; createdAt: Date }) {
  const names = parseMentionNames(post.body);
  if (names.length === 0) return [];
  const earlier = await tx.comment.findMany({
    where: {
      articleId: post.articleId,
      status: "APPROVED",
      number: { not: null },
      createdAt: { lte: post.createdAt },
      id: { not: post.id },
    },
    orderBy: { number: "desc" },
    select: { id: true, anonymous: true, anonHandle: true, authorId: true, author: { select: { username: true } } },
  });
  const stored = [];
  for (const name of names) {
    const target = earlier.find((p) => publicPosterName(p).toLowerCase() === name);
    if (!target) continue;
    // A user posting anonymously is mentioned by handle; never link the handle to the account.
    const targetUserId = target.anonymous ? null : target.authorId;
    stored.push(
      await tx.mention.create({
        data: { commentId: post.id, name, targetCommentId: target.id, targetUserId },
      }),
    );
  }
  return stored;
}
