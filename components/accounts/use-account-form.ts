"use client";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { requestJson } from "@/components/site/request-json";

/** What a submit step reports back: nothing on success, or what to show. */
export type SubmitOutcome = { error: string; fields?: FieldErrors } | { success: string } | void;

export type AccountFormState = {
  fields: FieldErrors;
  message?: { tone: "error" | "success"; text: string };
  pending: boolean;
};

/**
 * The account forms' shared behaviour: check the input with the same zod
 * schema the server uses, show every field error at once (and move focus to
 * the first bad field), otherwise hand the parsed input to `submit`.
 */
export function useAccountForm<S extends z.ZodType>(
  schema: S,
  submit: (input: z.output<S>) => Promise<SubmitOutcome>,
  initialError?: string,
) {
  const [state, setState] = useState<AccountFormState>({
    fields: {},
    message: initialError ? { tone: "error", text: initialError } : undefined,
    pending: false,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = schema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setState({ fields: fieldErrorsOf(parsed.error), message: { tone: "error", text: "Please correct the highlighted fields." }, pending: false });
      focusFirstInvalid(form, fieldErrorsOf(parsed.error));
      return;
    }
    setState({ fields: {}, pending: true });
    const outcome = await submit(parsed.data);
    if (!outcome) return setState((current) => ({ ...current, pending: false }));
    if ("success" in outcome) return setState({ fields: {}, message: { tone: "success", text: outcome.success }, pending: false });
    setState({ fields: outcome.fields ?? {}, message: { tone: "error", text: outcome.error }, pending: false });
    focusFirstInvalid(form, outcome.fields ?? {});
  }

  return { ...state, onSubmit };
}

function focusFirstInvalid(form: HTMLFormElement, fields: FieldErrors) {
  const first = Object.keys(fields)
    .map((name) => form.elements.namedItem(name))
    .find((element): element is HTMLInputElement => element instanceof HTMLInputElement);
  first?.focus();
}

/** POSTs JSON to one of Quire's account endpoints and turns a failed answer into an outcome. */
export async function postJson(url: string, body: unknown): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; outcome: SubmitOutcome }> {
  const answer = await requestJson<Record<string, unknown>>(url, "POST", body);
  return answer.ok ? answer : { ok: false, outcome: { error: answer.error, fields: answer.fields } };
}
