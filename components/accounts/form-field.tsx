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
  defaultValue,
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  errors?: string[];
  /** What the person typed before a failed submit (never for a password: lib/form-state.ts leaves those out). */
  defaultValue?: string;
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
