"use client";
import { useState } from "react";
import { useJsonRequest } from "@/components/site/request-json";

/** Delete, with an inline "are you sure?" rather than a browser dialog. */
export function DeletePostButton({ postId, onDeleted }: { postId: number; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const [request, send] = useJsonRequest();
  if (!asking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  async function confirm() {
    if (await send(`/api/comments/${postId}`, "DELETE")) onDeleted();
  }
  return (
    <span className="post-tools__confirm" role="group" aria-label="Delete this post?">
      Delete this post?{" "}
      <button type="button" className="link-button" onClick={confirm} disabled={request.busy}>
        Yes, delete it
      </button>{" "}
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        Keep it
      </button>
      {request.error && (
        <span className="field-error" role="alert">
          {" "}
          {request.error}
        </span>
      )}
    </span>
  );
}
