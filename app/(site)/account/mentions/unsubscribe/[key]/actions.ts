"use server";
import { z } from "zod";
import { formAction } from "@/lib/forms";
import { stopMentionEmails } from "@/lib/discussion/mention-opt-out";

const optOutSchema = z.object({ key: z.string({ error: "Open the link from the email again." }).min(1).max(200) });

/**
 * The confirm button of the mention emails' opt-out link. The key is the
 * credential; an unknown one answers with the sentence the page shows.
 * Afterwards the page itself says the emails are off.
 */
export const stopMentionEmailsFromForm = formAction(optOutSchema, async ({ key }) => {
  await stopMentionEmails(key);
  return {
    message: "Mention emails are off.",
    redirectTo: `/account/mentions/unsubscribe/${encodeURIComponent(key)}`,
  };
});
