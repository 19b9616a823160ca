"use server";

import { refresh } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { formError } from "@/lib/forms";
import { parseInput } from "@/lib/validation";
import type { ActionState } from "@/lib/moderation/action-state";
import { assertCanChangePolicies, assertCanModerate, type Actor } from "@/lib/moderation/permissions";
import { dismissReports, editPost, moderatePost, moderateSelection } from "@/lib/moderation/actions";
import { undoLastAction } from "@/lib/moderation/undo";
import { banUser, unbanUser } from "@/lib/moderation/bans";
import { setDiscussionState } from "@/lib/moderation/discussion";
import { readPoliciesForm, updatePolicies } from "@/lib/moderation/policies";
import { describeAction, describeBan, STATUS_WORDS } from "@/lib/moderation/wording";
import {
  banSchema,
  discussionSchema,
  editPostSchema,
  POST_ACTIONS,
  postActionSchema,
  postRefSchema,
  selectionActionSchema,
  unbanSchema,
  type PostAction,
} from "@/lib/moderation/schema";

// Server actions are public endpoints: each one parses its form with the same
// schema the API uses and calls the same lib/moderation function, which checks
// the actor itself. The page being hidden from non-moderators is not the check.

type Done = Exclude<ActionState, null | { ok: false }>;

/**
 * Checks who is acting before reading their form (so a refused caller learns
 * nothing from validation messages), runs the job, refreshes the page.
 */
async function run(allowed: (actor: Actor) => Actor, job: (actor: Actor) => Promise<Omit<Done, "ok">>): Promise<ActionState> {
  try {
    const result = await job(allowed(await getCurrentUser()));
    refresh();
    return { ok: true, ...result };
  } catch (error) {
    // The same mapping, logging and sentences as every server action's errors.
    const { error: message, fields } = formError(error);
    return { ok: false, message, fields: Object.keys(fields).length > 0 ? fields : undefined };
  }
}

function fieldsOf(form: FormData) {
  return { ...Object.fromEntries(form), selected: form.getAll("selected") };
}

type Job = (actor: Actor, fields: ReturnType<typeof fieldsOf>) => Promise<Omit<Done, "ok">>;
const undoFor = (post: { id: number; version: number }) => ({ commentId: post.id, version: post.version });

function postJob(action: PostAction): Job {
  return async (actor, fields) => {
    const { post } = await moderatePost(actor, parseInput(postActionSchema, { ...fields, action }));
    const where = post.number ? ` It is Post ${post.number}${post.status === "APPROVED" ? "" : ", now hidden"}.` : "";
    return { message: `Post ${describeAction(action).past}.${where}`, undo: undoFor(post) };
  };
}

/** What each button on the queue, post and log pages does, by its `intent`. */
const JOBS: Record<string, Job> = {
  ...Object.fromEntries(POST_ACTIONS.map((action) => [action, postJob(action)])),
  async selection(actor, fields) {
    const input = parseInput(selectionActionSchema, fields);
    const { done, skipped } = await moderateSelection(actor, input);
    const skippedText = skipped.map((s) => ` Post #${s.commentId} was skipped: ${s.message}`).join("");
    return { message: `${done.length} post${done.length === 1 ? "" : "s"} ${describeAction(input.action).past}.${skippedText}` };
  },
  async edit(actor, fields) {
    const { post } = await editPost(actor, parseInput(editPostSchema, fields));
    return { message: "Post edited. The author's original text is kept.", undo: undoFor(post) };
  },
  async "dismiss-reports"(actor, fields) {
    const { post } = await dismissReports(actor, parseInput(postRefSchema, fields));
    return { message: "Reports dismissed. The post stays up.", undo: undoFor(post) };
  },
  async undo(actor, fields) {
    // No undo is offered for an undo: pressing it again would step further back, not redo.
    const { post } = await undoLastAction(actor, parseInput(postRefSchema, fields));
    return { message: `Undone. The post is ${STATUS_WORDS[post.status]} again.` };
  },
  async ban(actor, fields) {
    const { user } = await banUser(actor, parseInput(banSchema, fields));
    return { message: `${user.username} is ${describeBan(user.bannedUntil)}. Their new posts will be refused.` };
  },
  async unban(actor, fields) {
    const { user } = await unbanUser(actor, parseInput(unbanSchema, fields));
    return { message: `${user.username} may post again.` };
  },
};

/** Every post and user action on the queue, post and log pages; the pressed button's `intent` says which. */
export async function moderate(_previous: ActionState, form: FormData): Promise<ActionState> {
  const intent = String(form.get("intent"));
  return run(assertCanModerate, async (actor) => {
    const job = Object.hasOwn(JOBS, intent) ? JOBS[intent] : undefined;
    if (!job) throw new ValidationError("Choose an action.");
    return job(actor, fieldsOf(form));
  });
}

/** Closes or reopens an article's discussion. */
export async function changeDiscussion(_previous: ActionState, form: FormData): Promise<ActionState> {
  const fields = fieldsOf(form);
  return run(assertCanModerate, async (actor) => {
    const { article } = await setDiscussionState(actor, parseInput(discussionSchema, fields));
    return { message: `The discussion of “${article.title}” is ${article.discussionOpen ? "open again" : "closed"}.` };
  });
}

/** Saves the site policies (admins only). */
export async function savePolicies(_previous: ActionState, form: FormData): Promise<ActionState> {
  const state = await run(assertCanChangePolicies, async (actor) => {
    const { changed } = await updatePolicies(actor, await readPoliciesForm(form));
    return { message: changed.length === 0 ? "Nothing changed." : `Policies saved (${changed.length} changed).` };
  });
  if (state?.ok !== false || !state.fields) return state;
  // Give back what the admin typed, so the form can show it with the errors.
  const values = Object.fromEntries([...form].filter(([key, value]) => !key.startsWith("$") && typeof value === "string"));
  return { ...state, values: values as Record<string, string> };
}
