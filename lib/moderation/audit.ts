import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { CommentStatus } from "@/lib/generated/prisma/enums";
import type { LoggedAction } from "./schema";

const isoDate = z.iso.datetime();

/**
 * The fields an action changed, as they were before and after it. Dates are
 * ISO strings; `openReportIds` lists reports an action dismissed (or reopened).
 * Post snapshots carry the post's version, so undo can tell whether anything
 * changed the post outside the log since.
 */
const snapshotSchema = z.object({
  status: z.enum(CommentStatus).optional(),
  number: z.number().int().positive().nullable().optional(),
  body: z.string().optional(),
  originalBody: z.string().nullable().optional(),
  editedAt: isoDate.nullable().optional(),
  openReportIds: z.array(z.number().int().positive()).optional(),
  version: z.number().int().min(0).optional(),
  discussionOpen: z.boolean().optional(),
  bannedUntil: isoDate.nullable().optional(),
  banReason: z.string().nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

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

/**
 * A snapshot as stored in the log, or null when the row holds something Quire
 * never writes (nothing, not JSON, a field of the wrong type, an unknown
 * status): such a row may be shown as unreadable, never acted on.
 */
export function parseSnapshot(json: string | null): Snapshot | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
