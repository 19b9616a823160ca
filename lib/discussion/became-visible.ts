import "server-only";
import { db, type Tx } from "@/lib/db";
import { sendMail } from "@/lib/mail/send";
import { assignPostNumber } from "./numbering";
import { recordMentions } from "./record-mentions";
import { mentionEmail } from "./mention-email";
import { posterNameFields, publicPosterName } from "./poster";

/**
 * Everything that happens when a post becomes visible: a new post that needs
 * no moderation, or a held post a moderator approves. Call it inside the
 * write transaction that sets status APPROVED; it gives the post its number
 * (kept if it had one) and links its @mentions. After the commit, call
 * notifyMentions(commentId) to email the people it mentions.
 */
export async function onPostBecameVisible(tx: Tx, commentId: number): Promise<number> {
  const number = await assignPostNumber(tx, commentId);
  await refreshMentions(tx, commentId);
  return number;
}

/**
 * Re-links a post's @mentions to its current text (after a new post, an
 * approval or an edit). Someone already emailed about this post is not emailed again.
 */
export async function refreshMentions(tx: Tx, commentId: number): Promise<void> {
  const post = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { id: true, articleId: true, body: true, createdAt: true },
  });
  const previous = await tx.mention.findMany({
    where: { commentId, notifiedAt: { not: null }, targetUserId: { not: null } },
    select: { targetUserId: true, notifiedAt: true },
  });
  await tx.mention.deleteMany({ where: { commentId } });
  const stored = await recordMentions(tx, post);
  for (const mention of stored) {
    const notified = previous.find((p) => p.targetUserId === mention.targetUserId);
    if (notified) await tx.mention.update({ where: { id: mention.id }, data: { notifiedAt: notified.notifiedAt } });
  }
}

/**
 * Emails each registered user the visible post mentions, once, unless they
 * opted out (or mentioned themselves). Call after the commit and do not await
 * it in a request: mail must never delay or fail a post, so this never throws.
 * Safe to call again: a mention is claimed (notifiedAt) before its email goes out.
 */
export async function notifyMentions(commentId: number): Promise<void> {
  try {
    const post = await db.comment.findUnique({
      where: { id: commentId },
      select: {
        number: true,
        status: true,
        body: true,
        authorId: true,
        ...posterNameFields,
        article: { select: { slug: true, title: true } },
        mentions: {
          where: { notifiedAt: null, targetUser: { mentionEmails: true } },
          select: { id: true, targetUser: { select: { id: true, email: true, username: true, unsubscribeKey: true } } },
        },
      },
    });
    if (!post || post.status !== "APPROVED" || post.number === null) return;
    for (const { id, targetUser } of post.mentions) {
      if (!targetUser || targetUser.id === post.authorId) continue;
      const claimed = await db.mention.updateMany({ where: { id, notifiedAt: null }, data: { notifiedAt: new Date() } });
      if (claimed.count === 0) continue;
      try {
        await sendMail(
          mentionEmail({
            to: targetUser,
            posterName: publicPosterName(post),
            article: post.article,
            post: { number: post.number, body: post.body },
          }),
        );
      } catch (error) {
        console.error(`Could not email ${targetUser.username} about a mention in post ${commentId}:`, error);
        // Unclaimed, so a later call (an edit, a re-approval) tries again.
        await db.mention.update({ where: { id }, data: { notifiedAt: null } });
      }
    }
  } catch (error) {
    console.error(`Could not send the mention emails for post ${commentId}:`, error);
  }
}
