"use client";
import { useState } from "react";
import { z } from "zod";
import { useJsonRequest } from "@/components/site/request-json";

/** DELETE /api/comments/<id> answers with the post's new status. */
const deleteAnswer = z.object({ status: z.literal("deleted") });

/** Delete, with an inline "are you sure?" rather than a browser dialog. */
export function DeletePostButton({ postId, onDeleted }: { postId: number; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const { state, pending, send } = useJsonRequest();
  if (!asking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  async function confirm() {
    if (await send(`/api/comments/${postId}`, { method: "DELETE", answer: deleteAnswer }, () => "Post deleted.")) onDeleted();
  }
  return (
    <span className="post-tools__confirm" role="group" aria-label="Delete this post?">
      Delete this post?{" "}
      <button type="button" className="link-button" onClick={confirm} disabled={pending}>
        Yes, delete it
      </button>{" "}
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        Keep it
      </button>
      {state.status === "error" && (
        <span className="field-error" role="alert">
          {" "}
          {state.error}
        </span>
      )}
    </span>
  );
}
