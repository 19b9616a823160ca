"use client";
import { useId } from "react";
import { errorsOf, type FormState } from "@/lib/form-state";
import { FieldError } from "@/components/forms/form-messages";

/**
 * A post's small one-field forms (edit, report): a text box, its errors, and
 * submit / cancel. It submits with onSubmit rather than a form action: React
 * resets a form after its action, which would wipe the text on an error.
 */
export function TextFieldForm({
  label,
  name,
  maxLength,
  defaultValue,
  submitLabel,
  state,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  name: string;
  maxLength: number;
  defaultValue?: string;
  submitLabel: string;
  state: FormState;
  pending: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const fieldErrors = errorsOf(state, name);
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(String(new FormData(event.currentTarget).get(name) ?? ""));
  }
  return (
    <form onSubmit={submit} className="form post-tools__form">
      <div>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <textarea
          id={`${id}-${name}`}
          name={name}
          required
          maxLength={maxLength}
          defaultValue={defaultValue}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <FieldError id={`${id}-error`} messages={fieldErrors} />
      </div>
      {state.status === "error" && !fieldErrors && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <div className="post-tools__actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
