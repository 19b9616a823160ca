"use client";
import { z } from "zod";
import { REASON_MAX } from "@/lib/discussion/limits";
import { useJsonRequest } from "@/components/site/request-json";
import { TextFieldForm } from "./text-field-form";

/** POST /api/comments/<id>/reports answers with the sentence to show. */
const reportAnswer = z.object({ message: z.string() });

/** Any reader's report of a post to the moderators, with a reason. */
export function ReportPostForm({ postId, onCancel }: { postId: number; onCancel: () => void }) {
  const { state, pending, send } = useJsonRequest();
  if (state.status === "done") {
    return (
      <p className="form-success" role="status">
        {state.message}
      </p>
    );
  }
  async function report(reason: string) {
    await send(
      `/api/comments/${postId}/reports`,
      { method: "POST", body: { reason }, answer: reportAnswer },
      (sent) => sent.message,
    );
  }
  return (
    <TextFieldForm
      label="Why should a moderator look at this post?"
      name="reason"
      maxLength={REASON_MAX}
      submitLabel="Send report"
      state={state}
      pending={pending}
      onSubmit={report}
      onCancel={onCancel}
    />
  );
}
