"use client";
import { useId, useState } from "react";
import { REASON_MAX } from "@/lib/comments/limits";
import { FieldError } from "./form-messages";
import { useJsonRequest } from "./request-json";

/** Any reader's report of a post to the moderators, with a reason. */
export function ReportPostForm({ postId, onCancel }: { postId: number; onCancel: () => void }) {
  const id = useId();
  const [request, send] = useJsonRequest();
  const [thanks, setThanks] = useState<string | null>(null);
  if (thanks) {
    return (
      <p className="form-success" role="status">
        {thanks}
      </p>
    );
  }
  // onSubmit, not a form action: React resets a form after its action, which would wipe the text on an error.
  async function report(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const sent = await send<{ message: string }>(`/api/comments/${postId}/reports`, "POST", {
      reason: String(formData.get("reason")),
    });
    if (sent) setThanks(sent.message);
  }
  return (
    <form onSubmit={report} className="form post-tools__form">
      <div>
        <label htmlFor={`${id}-reason`}>Why should a moderator look at this post?</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          required
          maxLength={REASON_MAX}
          className="post-tools__reason"
          aria-invalid={request.fields.reason ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <FieldError id={`${id}-error`} messages={request.fields.reason} />
      </div>
      {request.error && !request.fields.reason && (
        <p className="form-error" role="alert">
          {request.error}
        </p>
      )}
      <div className="post-tools__actions">
        <button type="submit" className="button" disabled={request.busy}>
          Send report
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
