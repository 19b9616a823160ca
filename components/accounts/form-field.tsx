import { useId } from "react";
import { errorsOf, typedValue, type FormState } from "@/lib/form-state";

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
  state,
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  /**
   * The form's last answer: this field's errors, and what was typed before a failed
   * submit (never a password: lib/form-state.ts leaves those out), are read from it by name.
   */
  state: FormState;
}) {
  const id = useId();
  const errors = errorsOf(state, name);
  const defaultValue = typedValue(state, name);
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
        defaultValue={defaultValue}
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
