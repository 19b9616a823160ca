import { useId } from "react";

/**
 * A labelled input with its hint and every error for it, tied together with
 * aria-describedby so a screen reader reads them with the field.
 */
export function FormField({
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  errors,
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  errors?: string[];
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={type === "text" ? false : undefined}
        autoCapitalize={type === "password" ? undefined : "none"}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="field-error">
          {errors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The form's live region: present from the first render (so assistive
 * technology is listening) and announcing the outcome of each submit.
 */
export function FormStatus({ message }: { message?: { tone: "error" | "success"; text: string } }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message && <p className={message.tone === "error" ? "form-error" : "form-success"}>{message.text}</p>}
    </div>
  );
}
