import type { FormState } from "@/lib/form-state";

/** A field's problems, under the field that names this id in aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  );
}

/**
 * The form's overall answer: the error sentence (and problems that belong to
 * no one field), or the done message. Always present, so screen readers hear it change.
 */
export function FormMessage({ state, otherErrors = [] }: { state: FormState; otherErrors?: string[] }) {
  return (
    <div aria-live="polite">
      {state.status === "error" && (
        <div className="form-error" role="alert">
          <p>{state.error}</p>
          {otherErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {state.status === "done" && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
    </div>
  );
}
