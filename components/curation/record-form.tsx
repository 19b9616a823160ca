"use client";
import type { z } from "zod";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";
import { RecordField, type FieldSpec } from "./record-field";

/**
 * A back-office form for one record (a category, tag, fact or history event),
 * posting to a server action: it works without script; with script, `schema`
 * (the one the action and the JSON API parse with) checks it first.
 */
export function RecordForm({
  action,
  schema,
  fields,
  saved,
  hidden = {},
  submitLabel,
  label,
}: {
  action: FormAction;
  schema: z.ZodType;
  fields: FieldSpec[];
  /** The stored values, by field name ("" for a new record). */
  saved: Record<string, string | number>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  /** The form's accessible name. */
  label: string;
}) {
  const form = useFormAction(action, { schema });
  const named = new Set([...fields.map((field) => field.name), ...Object.keys(hidden)]);
  const otherErrors =
    form.state.status === "error"
      ? Object.entries(form.state.fields)
          .filter(([name]) => !named.has(name) || name in hidden)
          .flatMap(([, messages]) => messages)
      : [];
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} ref={form.formRef} className="form curation-form" aria-label={label}>
      <ScriptMarker />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((spec) => (
        <RecordField key={spec.name} spec={spec} state={form.state} saved={String(saved[spec.name] ?? "")} />
      ))}
      <FormMessage state={form.state} otherErrors={otherErrors} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
