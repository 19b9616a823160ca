import { z } from "zod";
import type { AuditEntry } from "./events";
import { MAX_ID } from "@/lib/validation";

/** The kinds of thing the audit trail records changes to, as the log's filter offers them. */
export const AUDIT_SUBJECTS = [
  "article",
  "category",
  "tag",
  "fact",
  "history",
  "user",
  "image",
  "mail",
] as const satisfies readonly AuditEntry["subjectType"][];

export const SUBJECT_LABELS: Record<(typeof AUDIT_SUBJECTS)[number], string> = {
  article: "Articles",
  category: "Categories",
  tag: "Tags",
  fact: "Facts",
  history: "History events",
  user: "Users",
  image: "Pictures",
  mail: "Emails",
};

/** /admin/log's query string: `?subject=&before=`. Anything unreadable is ignored, not refused. */
export const auditFilterSchema = z.object({
  subject: z.enum(AUDIT_SUBJECTS).optional().catch(undefined),
  before: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
