"use server";

import { refresh } from "next/cache";
import { ValidationError } from "@/lib/errors";
import { formAction, type FormInput, type Outcome } from "@/lib/forms";
import { formFields } from "@/lib/form-state";
import { parseInput } from "@/lib/validation";
import type { ModerationDone } from "@/lib/moderation/moderated-event";
import type { Actor } from "@/lib/moderation/permissions";
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

type Done = Outcome<ModerationDone>;

/** A moderation form's action: parsed, then the job, then the page re-rendered with what changed. */
function moderationAction<I>(input: FormInput<I>, job: (input: I, actor: Actor) => Promise<Done>) {
  return formAction<I, ModerationDone>(input, async (parsed, { actor }) => {
    const done = await job(parsed, actor);
    refresh();
    return done;
  });
}

/** A parsed form, waiting for the actor: what each button's `intent` does. */
type Prepared = (actor: Actor) => Promise<Done>;
type Fields = ReturnType<typeof fieldsOf>;

function fieldsOf(form: FormData) {
  return { ...formFields(form), selected: form.getAll("selected") };
}

const undoFor = (post: { id: number; version: number }) => ({ commentId: post.id, version: post.version });

function postJob(action: PostAction) {
  return (fields: Fields): Prepared => {
    const input = parseInput(postActionSchema, { ...fields, action });
    return async (actor) => {
      const { post } = await moderatePost(actor, input);
      const where = post.number ? ` It is Post ${post.number}${post.status === "APPROVED" ? "" : ", now hidden"}.` : "";
      return { message: `Post ${describeAction(action).past}.${where}`, undo: undoFor(post) };
    };
  };
}

/** What each button on the queue, post and log pages does, by its `intent`. */
const JOBS: Record<string, (fields: Fields) => Prepared> = {
  ...Object.fromEntries(POST_ACTIONS.map((action) => [action, postJob(action)])),
  selection(fields) {
    const input = parseInput(selectionActionSchema, fields);
    return async (actor) => {
      const { done, skipped } = await moderateSelection(actor, input);
      const skippedText = skipped.map((s) => ` Post #${s.commentId} was skipped: ${s.message}`).join("");
      return {
        message: `${done.length} post${done.length === 1 ? "" : "s"} ${describeAction(input.action).past}.${skippedText}`,
      };
    };
  },
  edit(fields) {
    const input = parseInput(editPostSchema, fields);
    return async (actor) => {
      const { post } = await editPost(actor, input);
      return { message: "Post edited. The author's original text is kept.", undo: undoFor(post) };
    };
  },
  "dismiss-reports"(fields) {
    const input = parseInput(postRefSchema, fields);
    return async (actor) => {
      const { post } = await dismissReports(actor, input);
      return { message: "Reports dismissed. The post stays up.", undo: undoFor(post) };
    };
  },
  undo(fields) {
    const input = parseInput(postRefSchema, fields);
    // No undo is offered for an undo: pressing it again would step further back, not redo.
    return async (actor) => {
      const { post } = await undoLastAction(actor, input);
      return { message: `Undone. The post is ${STATUS_WORDS[post.status]} again.` };
    };
  },
  ban(fields) {
    const input = parseInput(banSchema, fields);
    return async (actor) => {
      const { user } = await banUser(actor, input);
      return { message: `${user.username} is ${describeBan(user.bannedUntil)}. Their new posts will be refused.` };
    };
  },
  unban(fields) {
    const input = parseInput(unbanSchema, fields);
    return async (actor) => {
      const { user } = await unbanUser(actor, input);
      return { message: `${user.username} may post again.` };
    };
  },
};

function readModerationForm(form: FormData): Prepared {
  const intent = String(form.get("intent"));
  const prepare = Object.hasOwn(JOBS, intent) ? JOBS[intent] : undefined;
  if (!prepare) throw new ValidationError("Choose an action.");
  return prepare(fieldsOf(form));
}

/** Every post and user action on the queue, post and log pages; the pressed button's `intent` says which. */
export const moderate = moderationAction(readModerationForm, (prepared, actor) => prepared(actor));

/** Closes or reopens an article's discussion. */
export const changeDiscussion = moderationAction(discussionSchema, async (input, actor) => {
  const { article } = await setDiscussionState(actor, input);
  return { message: `The discussion of “${article.title}” is ${article.discussionOpen ? "open again" : "closed"}.` };
});

/** Saves the site policies (admins only). A refused form comes back with what the admin typed. */
export const savePolicies = moderationAction(readPoliciesForm, async (settings, actor) => {
  const { changed } = await updatePolicies(actor, settings);
  return { message: changed.length === 0 ? "Nothing changed." : `Policies saved (${changed.length} changed).` };
});
