import { z } from "zod";
import { MAX_ID } from "@/lib/validation";
import { commentBodySchema } from "@/lib/discussion/schema";
import { BAN_REASON_MIN, LOG_REASON_MAX } from "./limits";

/** What a moderator can do to one post through the queue, the API and the log. */
export const POST_ACTIONS = ["approve", "reject", "spam", "delete", "restore"] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/** Every kind of entry in the audit log (ModerationAction.action). */
export const LOGGED_ACTIONS = [
  ...POST_ACTIONS,
  "edit",
  "dismiss-reports",
  "undo",
  "ban",
  "unban",
  "close-discussion",
  "open-discussion",
  "update-policies",
] as const;
export type LoggedAction = (typeof LOGGED_ACTIONS)[number];

export const BAN_DURATIONS = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "365", label: "1 year" },
  { value: "forever", label: "For good" },
] as const;

/** Form fields arrive as strings and JSON sends numbers: accept both, and treat "" as absent. */
function formNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (value === "" || value === null) return undefined;
    if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
    return value;
  }, schema);
}

const recordId = (what: string) =>
  formNumber(
    z
      .number({ error: `Choose ${what}.` })
      .int()
      .positive(`Choose ${what}.`)
      .max(MAX_ID, `There is no such ${what.replace(/^an? /, "")}.`),
  );

/**
 * The post's version as the moderator saw it. When given, the action is refused
 * if anyone changed the post since (optimistic concurrency).
 */
const expectedVersion = formNumber(z.number({ error: "The version must be a whole number." }).int().min(0).optional());

/** A moderator's note for the audit log. */
const reasonText = (missing?: string) =>
  z.string({ error: missing }).trim().max(LOG_REASON_MAX, `Keep the reason to ${LOG_REASON_MAX} characters or fewer.`);

/** An optional note for the log; a blank field means no reason. */
const reason = z.preprocess(
  (value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value),
  reasonText().optional(),
);

const postAction = z.enum(POST_ACTIONS, { error: "Choose approve, reject, spam, delete or restore." });

export const postActionSchema = z.object({ commentId: recordId("a post"), action: postAction, reason, expectedVersion });
export type PostActionInput = z.infer<typeof postActionSchema>;

/** The JSON API's body for POST /api/moderation/comments/<id>; `version` is the optional concurrency token. */
export const postActionRequestSchema = z
  .object({ action: postAction, reason, version: expectedVersion })
  .transform(({ version, ...rest }) => ({ ...rest, expectedVersion: version }));

/** A selection from the queue: checkboxes whose values are "<post id>:<version shown>". */
export const selectionActionSchema = z.object({
  action: postAction,
  reason,
  selected: z
    .array(z.string().regex(/^\d+:\d+$/, "Select posts from the queue."), { error: "Select at least one post." })
    .min(1, "Select at least one post.")
    .max(100, "Act on at most 100 posts at once.")
    .transform((values) =>
      values.map((value) => {
        const [commentId, version] = value.split(":").map(Number);
        return { commentId: commentId!, expectedVersion: version! };
      }),
    ),
});
export type SelectionActionInput = z.infer<typeof selectionActionSchema>;

/** A moderator's edit of a post's text: the same rules as the author's own words. */
export const editPostSchema = z.object({ commentId: recordId("a post"), body: commentBodySchema, reason, expectedVersion });
export type EditPostInput = z.infer<typeof editPostSchema>;

export const postRefSchema = z.object({ commentId: recordId("a post"), reason, expectedVersion });
export type PostRef = z.infer<typeof postRefSchema>;

export const banSchema = z.object({
  userId: recordId("a user"),
  duration: z.enum(
    BAN_DURATIONS.map((d) => d.value),
    { error: "Choose how long the ban lasts." },
  ),
  reason: reasonText("Say why the user is banned.").min(
    BAN_REASON_MIN,
    `Say why the user is banned (at least ${BAN_REASON_MIN} characters).`,
  ),
});
export type BanInput = z.infer<typeof banSchema>;

export const unbanSchema = z.object({ userId: recordId("a user"), reason });
export type UnbanInput = z.infer<typeof unbanSchema>;

export const discussionSchema = z.object({
  articleId: recordId("an article"),
  state: z.enum(["open", "closed"], { error: "Choose whether the discussion is open or closed." }),
  reason,
});
export type DiscussionInput = z.infer<typeof discussionSchema>;

/** Filters for browsing the audit log, from the query string; a bad value is ignored, not an error. */
export const logFilterSchema = z.object({
  moderator: z.string().trim().min(1).max(40).optional().catch(undefined),
  post: formNumber(z.number().int().positive().max(MAX_ID).optional()).catch(undefined),
  user: z.string().trim().min(1).max(40).optional().catch(undefined),
  action: z.enum(LOGGED_ACTIONS).optional().catch(undefined),
  before: formNumber(z.number().int().positive().max(MAX_ID).optional()).catch(undefined),
});
export type LogFilter = z.infer<typeof logFilterSchema>;
