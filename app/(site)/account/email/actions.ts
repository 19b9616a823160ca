"use server";
import { z } from "zod";
import { formAction } from "@/lib/forms";
import { AuthenticationRequired } from "@/lib/errors";
import { setMentionEmails } from "@/lib/discussion/mention-opt-out";

/** The mention emails switch of a signed-in reader's email settings. */
export const setMentionEmailsFromForm = formAction(
  z.object({ mentions: z.enum(["on", "off"]) }),
  async ({ mentions }, { actor }) => {
    if (!actor) throw new AuthenticationRequired("Please log in to change your email settings.");
    await setMentionEmails(actor.id, mentions === "on");
    return {
      message: mentions === "on" ? "Mention emails are on." : "Mention emails are off.",
      redirectTo: "/account/email",
    };
  },
);
