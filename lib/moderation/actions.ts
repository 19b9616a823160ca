import "server-only";
import { Conflict, NotFound, ValidationError } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { assertCanModerate, type Actor } from "./permissions";
import { onPostBecameVisible, refreshMentions } from "@/lib/discussion/became-visible";
import { changePost, type ChangedPost } from "./post-change";
import type { EditPostInput, PostAction, PostActionInput, PostRef, SelectionActionInput } from "./schema";
import { describeAction, STATUS_WORDS } from "./wording";

/** Which statuses each action may start from, and where it leads. */
const TRANSITIONS: Record<PostAction, { from: CommentStatus[]; to: CommentStatus }> = {
  approve: { from: ["PENDING"], to: "APPROVED" },
  reject: { from: ["PENDING", "APPROVED"], to: "REJECTED" },
  spam: { from: ["PENDING", "APPROVED", "REJECTED"], to: "SPAM" },
  delete: { from: ["PENDING", "APPROVED", "REJECTED", "SPAM"], to: "DELETED" },
  // Restoring makes a removed post visible again, under its old number if it had one.
  restore: { from: ["REJECTED", "SPAM", "DELETED"], to: "APPROVED" },
};

/** The actions that apply to a post in this status: the buttons a moderator is offered. */
export function availableActions(status: CommentStatus): PostAction[] {
  return (Object.keys(TRANSITIONS) as PostAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}

/** Approve, reject, mark as spam, delete or restore one post. */
export async function moderatePost(actor: Actor, input: PostActionInput): Promise<{ post: ChangedPost; actionId: number }> {
  const moderator = assertCanModerate(actor);
  const { from, to } = TRANSITIONS[input.action];
  return changePost(moderator, input, input.action, async (tx, post) => {
    if (!from.includes(post.status)) throw new Conflict(refusedTransition(input.action, post.status, to));
    await tx.comment.update({ where: { id: post.id }, data: { status: to } });
    if (to === "APPROVED") await onPostBecameVisible(tx, post.id);
    return { before: { status: post.status }, after: { status: to } };
  });
}

function refusedTransition(action: PostAction, status: CommentStatus, to: CommentStatus): string {
  if (status === to) return `This post is already ${STATUS_WORDS[status]}.`;
  return `A post that is ${STATUS_WORDS[status]} cannot be ${describeAction(action).past}.`;
}

/**
 * The same action on a selection of posts. Each post is its own transaction,
 * so one that another moderator changed meanwhile is reported and skipped
 * while the rest go through.
 */
export async function moderateSelection(actor: Actor, input: SelectionActionInput) {
  assertCanModerate(actor);
  const done: ChangedPost[] = [];
  const skipped: { commentId: number; message: string }[] = [];
  for (const item of input.selected) {
    try {
      done.push((await moderatePost(actor, { ...item, action: input.action, reason: input.reason })).post);
    } catch (error) {
      if (!(error instanceof Conflict || error instanceof NotFound)) throw error;
      skipped.push({ commentId: item.commentId, message: error.message });
    }
  }
  return { done, skipped };
}

/** Changes a post's text; the author's original wording is kept (the first original, on later edits). */
export async function editPost(actor: Actor, input: EditPostInput) {
  const moderator = assertCanModerate(actor);
  return changePost(moderator, input, "edit", async (tx, post) => {
    if (post.body === input.body)
      throw new ValidationError("The text is unchanged.", { body: ["Change the text, or leave it as it is."] });
    const edited = { body: input.body, originalBody: post.originalBody ?? post.body, editedAt: new Date() };
    await tx.comment.update({ where: { id: post.id }, data: edited });
    await refreshMentions(tx, post.id);
    return {
      before: { body: post.body, originalBody: post.originalBody, editedAt: post.editedAt?.toISOString() ?? null },
      after: { ...edited, editedAt: edited.editedAt.toISOString() },
    };
  });
}

/** Keeps a reported post as it is and takes it out of the queue. */
export async function dismissReports(actor: Actor, input: PostRef) {
  const moderator = assertCanModerate(actor);
  return changePost(moderator, input, "dismiss-reports", async (tx, post) => {
    const open = await tx.report.findMany({ where: { commentId: post.id, dismissedAt: null }, select: { id: true } });
    if (open.length === 0) throw new Conflict("This post has no open reports.");
    const ids = open.map((r) => r.id);
    await tx.report.updateMany({ where: { id: { in: ids } }, data: { dismissedAt: new Date() } });
    return { before: { openReportIds: ids }, after: { openReportIds: [] } };
  });
}
