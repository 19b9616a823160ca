import "server-only";
import { db } from "@/lib/db";
import { parseSnapshot } from "./audit";
import { assertCanModerate, type Actor } from "./permissions";
import type { LogFilter } from "./schema";

export const LOG_PAGE_SIZE = 50;

/**
 * The audit log, newest first, filtered by moderator, post, affected user
 * (a post's author or a banned user) and action; pages go back with `before`.
 * Each post entry says whether it is the one "undo" would revert now.
 */
export async function listModerationLog(actor: Actor, filter: LogFilter, pageSize = LOG_PAGE_SIZE) {
  assertCanModerate(actor);
  const rows = await db.moderationAction.findMany({
    where: {
      id: filter.before ? { lt: filter.before } : undefined,
      action: filter.action,
      commentId: filter.post,
      actor: filter.moderator ? { usernameKey: filter.moderator.toLowerCase() } : undefined,
      targetUser: filter.user ? { usernameKey: filter.user.toLowerCase() } : undefined,
    },
    orderBy: { id: "desc" },
    take: pageSize,
    select: {
      id: true,
      action: true,
      reason: true,
      before: true,
      after: true,
      createdAt: true,
      undoneAt: true,
      commentId: true,
      actor: { select: { username: true } },
      targetUser: { select: { id: true, username: true, bannedUntil: true } },
      article: { select: { slug: true, title: true } },
      comment: { select: { id: true, number: true, status: true, version: true } },
    },
  });
  const commentIds = [...new Set(rows.flatMap((r) => (r.commentId ? [r.commentId] : [])))];
  const undoable = await db.moderationAction.groupBy({
    by: ["commentId"],
    where: { commentId: { in: commentIds }, action: { not: "undo" }, undoneAt: null },
    _max: { id: true },
  });
  const undoTarget = new Set(undoable.map((u) => u._max.id));
  const entries = rows.map((row) => {
    const before = parseSnapshot(row.before);
    // Undo refuses an entry it cannot read; offering it would only lead to that refusal.
    return {
      ...row,
      before,
      after: parseSnapshot(row.after),
      canUndo: row.comment !== null && undoTarget.has(row.id) && before !== null,
    };
  });
  return { entries, nextBefore: rows.length === pageSize ? rows[rows.length - 1]!.id : null };
}

export type LogEntry = Awaited<ReturnType<typeof listModerationLog>>["entries"][number];
