"use client";
import { useState } from "react";
import { REASON_MAX } from "@/lib/comments/limits";
import { useJsonRequest } from "@/components/site/request-json";
import { TextFieldForm } from "./text-field-form";

/** Any reader's report of a post to the moderators, with a reason. */
export function ReportPostForm({ postId, onCancel }: { postId: number; onCancel: () => void }) {
  const [request, send] = useJsonRequest();
  const [thanks, setThanks] = useState<string | null>(null);
  if (thanks) {
    return (
      <p className="form-success" role="status">
        {thanks}
      </p>
    );
  }
  async function report(reason: string) {
    const sent = await send<{ message: string }>(`/api/comments/${postId}/reports`, "POST", { reason });
    if (sent) setThanks(sent.message);
  }
  return (
    <TextFieldForm
      label="Why should a moderator look at this post?"
      name="reason"
      maxLength={REASON_MAX}
      submitLabel="Send report"
      request={request}
      onSubmit={report}
      onCancel={onCancel}
    />
  );
}
