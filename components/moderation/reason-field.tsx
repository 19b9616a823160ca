import { BAN_REASON_MIN, LOG_REASON_MAX } from "@/lib/moderation/limits";

/** The note a moderator may leave for the audit log with an action. */
export function ReasonField({ hint = "optional, for the log", required = false }: { hint?: string; required?: boolean }) {
  return (
    <label>
      Reason <span className="muted">({hint})</span>
      <input
        type="text"
        name="reason"
        maxLength={LOG_REASON_MAX}
        minLength={required ? BAN_REASON_MIN : undefined}
        required={required}
      />
    </label>
  );
}
