import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { CONTROL_CHARACTERS } from "@/lib/validation";
import { BODY_MAX, BODY_MIN, REASON_MAX, REASON_MIN } from "./limits";

function plainText(label: string, min: number, max: number) {
  return z
    .string({ error: `Write your ${label}` })
    .refine((text) => !CONTROL_CHARACTERS.test(text), {
      error: `Your ${label} contains invisible control characters (such as NUL). Remove them and try again.`,
    })
    .transform((text) => text.trim())
    .pipe(
      z
        .string()
        .min(min, `Write at least ${min} characters`)
        .max(max, `Keep your ${label} to ${max.toLocaleString("en-US")} characters or fewer`),
    );
}

/**
 * A post's text, wherever it is written: a reader's new post or edit, and a
 * moderator's edit. The sizes are in ./limits.ts for the forms' hints and maxLength.
 */
export const commentBodySchema = plainText("comment", BODY_MIN, BODY_MAX);

// Strict objects: a request that also sends status, number, authorId or
// createdAt is refused with a message, rather than having those silently dropped.
const onlyDocumentedFields = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `These fields cannot be set: ${issue.keys?.join(", ")}. Send only the documented fields.`
      : undefined,
};

/**
 * A new post, as sent by the form and by POST /api/articles/<slug>/comments.
 * `website` is the form's honeypot: hidden from people, filled in by robots.
 */
export const newCommentSchema = z.strictObject(
  {
    body: commentBodySchema,
    anonymous: z.boolean({ error: "Post Anonymously must be true or false" }).default(false),
    website: z.string().max(500).default(""),
  },
  onlyDocumentedFields,
);
export type NewCommentInput = z.output<typeof newCommentSchema>;

/** An author's edit of their own post (PATCH /api/comments/<id>). */
export const editCommentSchema = z.strictObject({ body: commentBodySchema }, onlyDocumentedFields);
export type EditCommentInput = z.output<typeof editCommentSchema>;

/** A reader's report of a post to the moderators. */
export const reportSchema = z.strictObject({ reason: plainText("reason", REASON_MIN, REASON_MAX) }, onlyDocumentedFields);
export type ReportInput = z.output<typeof reportSchema>;

/** The comment form's fields as the schema expects them (a ticked checkbox sends "on"). */
export function commentFormInput(formData: FormData) {
  return {
    body: String(formData.get("body") ?? ""),
    anonymous: formData.get("anonymous") === "on",
    website: String(formData.get("website") ?? ""),
  };
}

/** A post id from a URL; anything that is not one names no post (404). */
export function parseCommentId(text: string): number {
  if (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2 ** 31 - 1) return Number(text);
  throw new NotFound("We could not find that post.");
}
