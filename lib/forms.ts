import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, ServiceBusy, isDatabaseBusy, type FieldErrors } from "@/lib/errors";
import { SCRIPT_FIELD, echoedValues, formFields, type FormAction } from "@/lib/form-state";
import { clientIp } from "@/lib/http";
import { assertPlainText, parseInput } from "@/lib/validation";

/*
 * The server-action side of lib/http.ts: every server action in the app is
 * made with formAction, so "parse, find out who is acting, act, answer one
 * FormState" is the only way to write one.
 */

/** How a form's fields become a job's input: a zod schema over the fields, or a reader that validates them itself (throwing ValidationError). */
export type FormInput<I> = z.ZodType<I> | ((form: FormData) => I | Promise<I>);

/** What a job reports on success: the sentence to show, the page to show next, and whatever its kind of form needs. */
export type Outcome<Done extends object = object> = { message: string; redirectTo?: string } & Done;

export type ActionContext = { actor: SessionUser | null; form: FormData };

/**
 * Makes a server action (for useActionState, or a plain form without
 * JavaScript) out of a job. In order: the fields are parsed (every problem
 * reported, not just the first); the signed-in user is looked up; the
 * permission is checked by the lib/ function the job calls, which is handed
 * that actor and refuses with a typed error (lib/moderation/permissions.ts),
 * so no action checks a role itself; then the job runs. A failure comes back
 * as one sentence with every field's problems and the input minus any
 * secret; Next's redirect() and notFound() pass through. On success the
 * answer is `done`, or, for a browser without script, a redirect to
 * `redirectTo` (post/redirect/get).
 */
export function formAction<I, Done extends object = object>(
  input: FormInput<I>,
  job: (input: I, context: ActionContext) => Promise<Outcome<Done>>,
): FormAction<Done> {
  return async (previous: unknown, sent: unknown) => {
    const form = formDataOf(previous, sent);
    if (!form) return { status: "error", error: UNREADABLE_FORM, fields: {}, values: {} };
    let outcome: Outcome<Done>;
    try {
      assertPlainText(Object.fromEntries([...form].filter(([name]) => !name.startsWith("$"))));
      const parsed = typeof input === "function" ? await input(form) : parseInput(input, formFields(form));
      outcome = await job(parsed, { actor: await getCurrentUser(), form });
    } catch (error) {
      unstable_rethrow(error);
      return { status: "error", ...formError(error), values: echoedValues(form) };
    }
    // Outside the try: redirect() works by throwing.
    if (outcome.redirectTo && form.get(SCRIPT_FIELD) !== "1") redirect(outcome.redirectTo);
    return { status: "done", ...outcome };
  };
}

const UNREADABLE_FORM = "That form could not be read. Please reload the page and send it again.";

/**
 * The form a server action was sent. A page's form sends (previous state,
 * form); a form that names the action itself (`$ACTION_ID_…`) sends the form
 * alone. Anything else was not sent by a form: a hand-made request can pass
 * any values at all.
 */
function formDataOf(previous: unknown, sent: unknown): FormData | null {
  if (sent instanceof FormData) return sent;
  if (sent === undefined && previous instanceof FormData) return previous;
  return null;
}

/** What a form shows after a failed server action: one sentence, and every field's problems. */
export type FormError = { error: string; fields: FieldErrors };

/**
 * Maps an error from lib/ to what a form shows, as lib/http.ts errorResponse
 * does for route handlers. Unknown errors are logged, never shown.
 */
export function formError(error: unknown): FormError {
  const known = isDatabaseBusy(error) ? new ServiceBusy() : error;
  if (known instanceof DomainError) {
    return { error: known.message, fields: "fields" in known ? (known.fields as FieldErrors) : {} };
  }
  console.error("Unexpected error in server action:", error);
  return { error: "Something went wrong on our side. Please try again.", fields: {} };
}

/** The client's address in a server action (see clientIp). */
export async function actionClientIp(): Promise<string> {
  return clientIp({ headers: await headers() });
}
