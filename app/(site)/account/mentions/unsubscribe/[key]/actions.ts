"use server";
import { notFound, redirect } from "next/navigation";
import { NotFound } from "@/lib/errors";
import { stopMentionEmails } from "@/lib/comments/mention-opt-out";

/** The confirm button of the mention emails' opt-out link. */
export async function stopMentionEmailsFromForm(formData: FormData): Promise<void> {
  const key = String(formData.get("key") ?? "");
  try {
    await stopMentionEmails(key);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
  redirect(`/account/mentions/unsubscribe/${encodeURIComponent(key)}`);
}
