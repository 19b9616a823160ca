import type { FieldErrors } from "@/lib/errors";

// Shared by server actions (lib/forms.ts) and the browser's forms: no server code here.

/** What a person typed, given back with a failure so the form can show it again. Never a secret (lib/forms.ts). */
export type FormValues = Record<string, string>;

/**
 * The one answer every form gets, from a server action (useActionState) or
 * from the browser's own checks and JSON requests: nothing yet; a sentence
 * with every field's problems and the input to put back; or a done message.
 * `redirectTo` names the page to show next: without JavaScript the server
 * redirects there itself (post/redirect/get); with it, the form decides.
 * `Done` carries what one kind of form needs beyond that (moderation's undo).
 */
export type FormState<Done extends object = object> =
  | { status: "idle" }
  | { status: "error"; error: string; fields: FieldErrors; values: FormValues }
  | ({ status: "done"; message: string; redirectTo?: string } & Done);

export type FormAction<Done extends object = object> = (previous: FormState<Done>, form: FormData) => Promise<FormState<Done>>;

export const IDLE = { status: "idle" } as const satisfies FormState;

/**
 * A hidden field the browser adds once the page's script runs (ScriptMarker):
 * tells an action that the page will handle its answer in place, so it need
 * not redirect.
 */
export const SCRIPT_FIELD = "enhanced";

/** A form's fields as one object for its schema; repeated names keep their last value, React's own fields are left out. */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form].filter(([name]) => !name.startsWith("$")));
}

/**
 * Fields whose values never go back to the browser, whichever form it is:
 * passwords, reset tokens, opt-out keys. A failed answer is rendered into the
 * page, and a password in a page ends up in caches, screenshots and logs.
 */
const SECRET_FIELD = /pass|token|secret|^key$/i;

/** The form's text fields to put back after a failure, without secrets. */
export function echoedValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form) {
    if (typeof value !== "string" || name.startsWith("$") || name === SCRIPT_FIELD || SECRET_FIELD.test(name)) continue;
    values[name] = value;
  }
  return values;
}

/** A field's problems in an answer, if it has any. */
export function errorsOf(state: FormState, name: string): string[] | undefined {
  return state.status === "error" ? state.fields[name] : undefined;
}

/** What the person had typed into a field before a failed submit. */
export function typedValue(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.values[name] : undefined;
}
