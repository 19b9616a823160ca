import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { NotFound } from "@/lib/errors";
import { roleAllows } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/queries";
import { bodyFingerprint } from "@/lib/text";
import type { EditCommentInput } from "./schema";
import { contentHoldReason } from "./hold";
import { assertCanChangeOwnPost } from "./permissions";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { queuePostEmails, refreshMentions } from "./became-visible";

async function findOwnChangeablePost(tx: Tx, commentId: number, actor: SessionUser, now: Date) {
  const post = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, articleId: true, authorId: true, createdAt: true, status: true, number: true },
  });
  // Posts a moderator removed are gone as far as their author is concerned.
  if (!post || (post.status !== "PENDING" && post.status !== "APPROVED")) throw new NotFound("We could not find that post.");
  assertCanChangeOwnPost(actor, post, now);
  return post;
}

/**
 * An author's edit of their own post, within the edit window. The new words
 * meet the same content rules as a new post: an edit that adds too many links
 * or a blocked word sends a visible post back to moderation (it keeps its number).
 */
export async function editOwnComment(commentId: number, input: EditCommentInput, actor: SessionUser, now = new Date()) {
  const settings = await getSiteSettings();
  const contentReason = roleAllows(actor.role, "moderator") ? null : contentHoldReason(input.body, settings);
  const updated = await db.$transaction(async (tx) => {
    const post = await findOwnChangeablePost(tx, commentId, actor, now);
    const rehold = post.status === "APPROVED" && contentReason !== null;
    const updated = await tx.comment.update({
      where: { id: post.id },
      data: {
        body: input.body,
        bodyHash: bodyFingerprint(input.body),
        editedAt: now,
        version: { increment: 1 },
        ...(rehold ? { status: "PENDING" as const, heldReason: contentReason } : {}),
      },
      select: { id: true, articleId: true, status: true, number: true, editedAt: true },
    });
    if (post.number !== null) await refreshMentions(tx, post.id);
    // Someone the edit newly mentions hears of it; the thread's followers see the post in their next digest if it is new to them.
    if (updated.status === "APPROVED") await queuePostEmails(tx, updated.id, now);
    return updated;
  });
  pagesChanged(changed.posts(updated.articleId));
  if (updated.status === "APPROVED") void deliverQueuedMail();
  return {
    id: updated.id,
    status: updated.status === "APPROVED" ? ("approved" as const) : ("pending" as const),
    number: updated.number,
    editedAt: updated.editedAt,
  };
}

/** An author's removal of their own post, within the edit window. Its number is never given out again. */
export async function deleteOwnComment(commentId: number, actor: SessionUser, now = new Date()) {
  const { articleId } = await db.$transaction(async (tx) => {
    const post = await findOwnChangeablePost(tx, commentId, actor, now);
    await tx.comment.update({ where: { id: post.id }, data: { status: "DELETED", version: { increment: 1 } } });
    return post;
  });
  pagesChanged(changed.posts(articleId));
  return { id: commentId, status: "deleted" as const };
}
