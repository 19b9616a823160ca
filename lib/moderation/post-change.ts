import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { queuePostEmails } from "@/lib/discussion/became-visible";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { recordModerationAction, type Snapshot } from "./audit";
import type { Moderator } from "./permissions";
import { POST_ACTIONS, type LoggedAction } from "./schema";
import { describeAction, STATUS_WORDS } from "./wording";

const postSelect = {
  id: true,
  articleId: true,
  authorId: true,
  status: true,
  number: true,
  body: true,
  originalBody: true,
  editedAt: true,
  createdAt: true,
  version: true,
} as const;

export type PostForChange = {
  id: number;
  articleId: number;
  authorId: number | null;
  status: CommentStatus;
  number: number | null;
  body: string;
  originalBody: string | null;
  editedAt: Date | null;
  createdAt: Date;
  version: number;
};

export type ChangedPost = { id: number; articleId: number; status: CommentStatus; number: number | null; version: number };

/**
 * One change to one post, in one write transaction (BEGIN IMMEDIATE, so no one
 * else writes in between): re-read the post, refuse if it is not the version
 * the moderator saw, let `change` write and describe the change, bump the
 * version and record the audit entry with before/after snapshots.
 */
export async function changePost(
  moderator: Moderator,
  target: { commentId: number; expectedVersion?: number; reason?: string },
  action: LoggedAction,
  change: (tx: Tx, post: PostForChange) => Promise<{ before: Snapshot; after: Snapshot; reason?: string }>,
): Promise<{ post: ChangedPost; actionId: number }> {
  const result = await db.$transaction(async (tx) => {
    const post = await tx.comment.findUnique({ where: { id: target.commentId }, select: postSelect });
    if (!post) throw new NotFound("We could not find that post. It may have been removed with its article.");
    if (target.expectedVersion !== undefined && target.expectedVersion !== post.version) {
      throw new Conflict(await staleMessage(tx, post));
    }
    const { before, after, reason } = await change(tx, post);
    const changed = await tx.comment.update({
      where: { id: post.id },
      data: { version: { increment: 1 } },
      select: { id: true, articleId: true, status: true, number: true, version: true },
    });
    // Queued with the change: an approval's mentions and followers are told even if the process stops now.
    if (changed.status === "APPROVED") await queuePostEmails(tx, changed.id);
    const entry = await recordModerationAction(tx, {
      actorId: moderator.id,
      action,
      reason: target.reason ?? reason,
      commentId: post.id,
      targetUserId: post.authorId,
      articleId: post.articleId,
      before: { ...before, number: post.number, version: post.version },
      after: { ...after, number: changed.number, version: changed.version },
    });
    return { post: changed, actionId: entry.id };
  });
  pagesChanged(changed.posts(result.post.articleId));
  // After the commit, never awaited: mail must not delay or fail a moderator's action.
  if (result.post.status === "APPROVED") void deliverQueuedMail();
  return result;
}

/** "This post was changed by another moderator (now: approved by sam). Reload to see its current state." */
export async function staleMessage(tx: Tx, post: { id: number; status: CommentStatus }): Promise<string> {
  const last = await tx.moderationAction.findFirst({
    where: { commentId: post.id },
    orderBy: { id: "desc" },
    select: { action: true, actor: { select: { username: true } } },
  });
  const now = STATUS_WORDS[post.status];
  const detail = !last
    ? now
    : (POST_ACTIONS as readonly string[]).includes(last.action)
      ? `${now} by ${last.actor.username}`
      : `${now}, ${describeAction(last.action).past} by ${last.actor.username}`;
  return `This post was changed by another moderator (now: ${detail}). Reload to see its current state.`;
}
