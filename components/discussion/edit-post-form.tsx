"use client";
import { z } from "zod";
import { BODY_MAX } from "@/lib/discussion/limits";
import { useJsonRequest } from "@/components/site/request-json";
import { TextFieldForm } from "./text-field-form";
import type { ViewerPost } from "./viewer";

/** PATCH /api/comments/<id> answers with the post's status after the edit (lib/discussion/change-own-comment.ts). */
const editAnswer = z.object({ status: z.enum(["approved", "pending"]) });

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
  const { state, pending, send } = useJsonRequest();
  async function save(body: string) {
    const saved = await send(`/api/comments/${post.id}`, { method: "PATCH", body: { body }, answer: editAnswer }, (edited) =>
      edited.status === "pending" ? "Your edit was saved; the post now waits for a moderator." : "Your edit was saved.",
    );
    if (saved) onSaved(saved);
  }
  return (
    <TextFieldForm
      label="Edit your post"
      name="body"
      maxLength={BODY_MAX}
      defaultValue={post.body}
      submitLabel="Save changes"
      state={state}
      pending={pending}
      onSubmit={save}
      onCancel={onCancel}
    />
  );
}
