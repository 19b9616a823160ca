"use client";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { IDLE, echoedValues, formFields, type FormAction, type FormState } from "@/lib/form-state";
import { fieldErrorsOf } from "@/lib/validation";

export const CORRECT_FIELDS = "Please correct the highlighted fields.";

/**
 * A server action's form, progressively enhanced. Without script the browser
 * posts the form and the server renders the answer. With script:
 * - `schema` (the same one the action parses with) checks the input first and
 *   shows every problem without a round trip;
 * - after an answer with errors, focus moves to the first field named;
 * - an answer with `redirectTo` loads that page in full (unless
 *   `followRedirect` is false), because every page's personal parts (the
 *   header's account menu, the login box, the discussion) are filled in once
 *   per page load, and a login or logout must show in all of them.
 */
export function useFormAction(
  action: FormAction,
  { schema, initial = IDLE, followRedirect = true }: { schema?: z.ZodType; initial?: FormState; followRedirect?: boolean } = {},
) {
  const [answer, formAction, pending] = useActionState(action, initial);
  // The browser's own check, shown until the next answer arrives.
  const [checked, setChecked] = useState<FormState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const state = checked ?? answer;

  useEffect(() => {
    setChecked(null);
    if (followRedirect && answer.status === "done" && answer.redirectTo) loadPage(answer.redirectTo);
  }, [answer, followRedirect]);

  useEffect(() => {
    if (state.status === "error" && formRef.current) focusFirstInvalid(formRef.current, state.fields);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const form = new FormData(event.currentTarget);
    const parsed = schema.safeParse(formFields(form));
    if (parsed.success) return setChecked(null);
    event.preventDefault();
    setChecked({ status: "error", error: CORRECT_FIELDS, fields: fieldErrorsOf(parsed.error), values: echoedValues(form) });
  }

  return { state, pending, formAction, onSubmit, formRef };
}

export type FormController = ReturnType<typeof useFormAction>;

function focusFirstInvalid(form: HTMLFormElement, fields: FieldErrors) {
  const first = Object.keys(fields)
    .map((name) => form.elements.namedItem(name))
    .find(
      (element): element is HTMLInputElement | HTMLTextAreaElement =>
        (element instanceof HTMLInputElement && element.type !== "hidden") || element instanceof HTMLTextAreaElement,
    );
  first?.focus();
}

/** A full page load of a path on this site (lib/auth/callback-url.ts chose it; checked again here). */
function loadPage(path: string) {
  const target = new URL(path, window.location.href);
  if (target.origin !== window.location.origin) return window.location.assign(window.location.origin);
  const samePage = target.pathname === window.location.pathname && target.search === window.location.search;
  if (samePage && target.hash) {
    // Going to the same page with only a different #fragment would not reload it.
    window.location.hash = target.hash;
    return window.location.reload();
  }
  window.location.assign(target.href);
}
