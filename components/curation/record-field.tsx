import { useId } from "react";
import { errorsOf, typedValue, type FormState } from "@/lib/form-state";

/** One field of a back-office form: what it is, how to fill it, and what can go in it. */
export type FieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "textarea" | "number" | "select";
  hint?: string;
  required?: boolean;
  rows?: number;
  options?: { value: string; label: string }[];
};

/**
 * A labelled input, text area or menu with its hint and every error for it,
 * tied together with aria-describedby. Shows what was typed before a failed
 * submit, else the saved value.
 */
export function RecordField({ spec, state, saved }: { spec: FieldSpec; state: FormState; saved: string }) {
  const id = useId();
  const errors = errorsOf(state, spec.name);
  const defaultValue = typedValue(state, spec.name) ?? saved;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const common = {
    id,
    name: spec.name,
    defaultValue,
    required: spec.required,
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      {spec.kind === "textarea" ? (
        <textarea rows={spec.rows ?? 6} {...common} />
      ) : spec.kind === "select" ? (
        <select {...common}>
          {spec.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" inputMode={spec.kind === "number" ? "numeric" : undefined} spellCheck={false} {...common} />
      )}
      {hintId && (
        <p id={hintId} className="hint">
          {spec.hint}
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
