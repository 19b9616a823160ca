import "server-only";
import type { Tx } from "@/lib/db";
import type { LoggedAction } from "./schema";

/**
 * The fields an action changed, as they were before and after it. Dates are
 * ISO strings; `openReportIds` lists reports an action dismissed (or reopened).
 * Post snapshots carry the post's version, so undo can tell whether anything
 * changed the post outside the log since.
 */
export type Snapshot = {
  status?: string;
  number?: number | null;
  body?: string;
  originalBody?: string | null;
  editedAt?: string | null;
  openReportIds?: number[];
  version?: number;
  discussionOpen?: boolean;
  bannedUntil?: string | null;
  banReason?: string | null;
  settings?: Record<string, unknown>;
};

export type AuditEntry = {
  actorId: number;
  action: LoggedAction;
  reason?: string;
  commentId?: number;
  targetUserId?: number | null;
  articleId?: number;
  before: Snapshot;
  after: Snapshot;
};

/** Writes one audit-log row; always called inside the transaction that made the change. */
export async function recordModerationAction(tx: Tx, entry: AuditEntry) {
  return tx.moderationAction.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      reason: entry.reason ?? null,
      commentId: entry.commentId ?? null,
      targetUserId: entry.targetUserId ?? null,
      articleId: entry.articleId ?? null,
      before: JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
    },
    select: { id: true },
  });
}

export function parseSnapshot(json: string | null): Snapshot {
  if (!json) return {};
  try {
    return JSON.parse(json) as Snapshot;
  } catch {
    return {};
  }
}
