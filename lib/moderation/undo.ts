import "server-only";
import type { Tx } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { parseSnapshot, type Snapshot } from "./audit";
import { assertCanModerate, type Actor } from "./permissions";
import { onPostBecameVisible, refreshMentions } from "@/lib/discussion/became-visible";
import { changePost, type PostForChange } from "./post-change";
import type { PostRef } from "./schema";
import { describeAction } from "./wording";

/**
 * Undoes the latest action on a post that is not itself an undo and not yet
 * undone; repeated undos walk back through the post's history. Refused when
 * the post changed since its last logged action (the versions differ), so an
 * undo never overwrites a change it does not know about.
 */
export async function undoLastAction(actor: Actor, input: PostRef) {
  const moderator = assertCanModerate(actor);
  return changePost(moderator, input, "undo", async (tx, post) => {
    const history = await tx.moderationAction.findMany({
      where: { commentId: post.id },
      orderBy: { id: "desc" },
      select: { id: true, action: true, before: true, after: true, undoneAt: true },
    });
    const target = history.find((entry) => entry.action !== "undo" && entry.undoneAt === null);
    if (!target) throw new Conflict("There is nothing left to undo on this post.");
    if (readSnapshot(history[0]!, "after").version !== post.version) {
      throw new Conflict(
        "This post has changed since its last moderation action, so it cannot be undone. Reload to see its current state.",
      );
    }
    const restore = readSnapshot(target, "before");
    const before = await revert(tx, post, restore);
    await tx.moderationAction.update({ where: { id: target.id }, data: { undoneAt: new Date() } });
    const { version: _version, number: _number, ...after } = restore;
    return { before, after, reason: `Undid “${describeAction(target.action).label}” (log entry ${target.id}).` };
  });
}

/**
 * One side of a log entry, as undo must trust it; a row Quire could not have
 * written (corrupted, edited by hand) is refused before anything is changed.
 */
function readSnapshot(entry: { id: number; before: string | null; after: string | null }, side: "before" | "after"): Snapshot {
  const snapshot = parseSnapshot(entry[side]);
  if (snapshot) return snapshot;
  console.error(`Undo refused: the "${side}" snapshot of moderation log entry ${entry.id} is unreadable.`);
  throw new Conflict(
    `Log entry ${entry.id} for this post cannot be read, so the post cannot be undone safely. Nothing was changed; ` +
      "approve, reject or edit the post directly instead.",
  );
}

/** Puts back the fields an action changed; returns what they were just now. Post numbers are never taken back. */
async function revert(tx: Tx, post: PostForChange, restore: Snapshot): Promise<Snapshot> {
  const current: Snapshot = {};
  const data: { status?: CommentStatus; body?: string; originalBody?: string | null; editedAt?: Date | null } = {};
  if (restore.status !== undefined) {
    current.status = post.status;
    data.status = restore.status;
  }
  if (restore.body !== undefined) {
    Object.assign(current, { body: post.body, originalBody: post.originalBody, editedAt: post.editedAt?.toISOString() ?? null });
    data.body = restore.body;
    data.originalBody = restore.originalBody ?? null;
    data.editedAt = restore.editedAt ? new Date(restore.editedAt) : null;
  }
  await tx.comment.update({ where: { id: post.id }, data });
  if (data.status === "APPROVED") await onPostBecameVisible(tx, post.id);
  else if (data.body !== undefined) await refreshMentions(tx, post.id);
  if (restore.openReportIds?.length) {
    await tx.report.updateMany({ where: { id: { in: restore.openReportIds } }, data: { dismissedAt: null } });
    current.openReportIds = [];
  }
  return current;
}
