import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";

/**
 * The back office's audit trail (moderation keeps its own, with undo, in
 * lib/moderation/audit.ts). One row per editorial or administrative change,
 * written in the transaction that made it, so the record and the change stand
 * or fall together.
 */
export type AuditEntry = {
  actorId: number;
  /** "<subject>.<verb>": "article.publish", "category.rename", "user.role", "user.disable". */
  action: string;
  subjectType: "article" | "category" | "tag" | "fact" | "history" | "user" | "image" | "mail";
  subjectId?: number | null;
  /** A sentence for people reading the trail. */
  summary: string;
  before?: unknown;
  after?: unknown;
};

export async function recordAuditEvent(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

/** The latest entries, newest first, optionally for one kind of subject, or only those older than entry `before`. */
export async function listAuditEvents(
  actor: Actor,
  { subjectType, take = 50, before }: { subjectType?: AuditEntry["subjectType"]; take?: number; before?: number } = {},
) {
  assertCanEdit(actor);
  return db.auditEvent.findMany({
    where: { ...(subjectType ? { subjectType } : {}), ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      action: true,
      subjectType: true,
      subjectId: true,
      summary: true,
      createdAt: true,
      actor: { select: { username: true } },
    },
  });
}
