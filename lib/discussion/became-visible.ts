import "server-only";
import type { Tx } from "@/lib/db";
import { queueMail } from "@/lib/mail/outbox";
import { markThreadChanged } from "@/lib/subscriptions/digests";
import { assignPostNumber } from "./numbering";
import { recordMentions } from "./record-mentions";
import { mentionEmail } from "./mention-email";
import { posterNameFields, publicPosterName } from "./poster";

/**
 * Everything that happens when a post becomes visible: a new post that needs
 * no moderation, or a held post a moderator approves. Call it inside the
 * write transaction that sets status APPROVED; it gives the post its number
 * (kept if it had one) and links its @mentions. Then call queuePostEmails in
 * the same transaction.
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
 * Queues, inside the transaction that made or kept the post visible, the
 * emails it causes: one to each registered user it mentions (once per
 * person, unless they opted out or mentioned themselves), and it tells the
 * discussion's followers a new post is there (their digest is put together
 * later, lib/subscriptions/digests.ts). After the commit, call
 * deliverQueuedMail(); never await it in a request.
 */
export async function queuePostEmails(tx: Tx, commentId: number, now = new Date()): Promise<void> {
  const post = await tx.comment.findUnique({
    where: { id: commentId },
    select: {
      articleId: true,
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
    await tx.mention.update({ where: { id }, data: { notifiedAt: now } });
    const mail = mentionEmail({
      to: targetUser,
      posterName: publicPosterName(post),
      article: post.article,
      post: { number: post.number, body: post.body },
    });
    await queueMail(tx, "mention", mail, `mention:${id}`);
  }
  await markThreadChanged(tx, post.articleId, now);
}
