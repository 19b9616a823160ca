"use client";
import { BODY_MAX } from "@/lib/comments/limits";
import { useJsonRequest } from "@/components/site/request-json";
import { TextFieldForm } from "./text-field-form";
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
  const [request, send] = useJsonRequest();
  async function save(body: string) {
    const saved = await send<{ status: string }>(`/api/comments/${post.id}`, "PATCH", { body });
    if (!saved) return;
    onSaved(saved.status === "pending" ? "Your edit was saved; the post now waits for a moderator." : "Your edit was saved.");
  }
  return (
    <TextFieldForm
      label="Edit your post"
      name="body"
      maxLength={BODY_MAX}
      defaultValue={post.body}
      submitLabel="Save changes"
      request={request}
      onSubmit={save}
      onCancel={onCancel}
    />
  );
}
