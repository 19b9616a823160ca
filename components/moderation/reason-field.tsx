/** The note a moderator may leave for the audit log with an action. */
export function ReasonField({ hint = "optional, for the log", required = false }: { hint?: string; required?: boolean }) {
  return (
    <label>
      Reason <span className="muted">({hint})</span>
      <input type="text" name="reason" maxLength={500} minLength={required ? 3 : undefined} required={required} />
    </label>
  );
}
