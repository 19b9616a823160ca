"use client";
import { useId } from "react";
import { BODY_MAX } from "@/lib/comments/limits";
import { FieldError } from "./form-messages";
import { useJsonRequest } from "./request-json";
import type { ViewerPost } from "./viewer";

/** The author's edit of their own post (PATCH /api/comments/<id>). */
export function EditPostForm({
  post,
  onSaved,
  onCancel,
}: {
  post: ViewerPost;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [request, send] = useJsonRequest();
  // onSubmit, not a form action: React resets a form after its action, which would wipe the text on an error.
  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const saved = await send<{ status: string }>(`/api/comments/${post.id}`, "PATCH", { body: String(formData.get("body")) });
    if (saved) {
      onSaved(saved.status === "pending" ? "Your edit was saved; the post now waits for a moderator." : "Your edit was saved.");
    }
  }
  return (
    <form onSubmit={save} className="form post-tools__form">
      <div>
        <label htmlFor={`${id}-body`}>Edit your post</label>
        <textarea
          id={`${id}-body`}
          name="body"
          required
          maxLength={BODY_MAX}
          defaultValue={post.body}
          aria-invalid={request.fields.body ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <FieldError id={`${id}-error`} messages={request.fields.body} />
      </div>
      {request.error && !request.fields.body && (
        <p className="form-error" role="alert">
          {request.error}
        </p>
      )}
      <div className="post-tools__actions">
        <button type="submit" className="button" disabled={request.busy}>
          Save changes
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
