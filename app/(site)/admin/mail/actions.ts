"use server";
import { z } from "zod";
import { formAction } from "@/lib/forms";
import { retryFailedMail } from "@/lib/mail/outbox";

/** "Send again" beside an email that failed for good; lib/mail/outbox.ts checks the admin role. */
export const retryMailFromForm = formAction(z.object({ id: z.coerce.number().int().positive() }), async ({ id }, { actor }) => {
  await retryFailedMail(actor, id);
  return { message: `Email ${id} will be sent again.`, redirectTo: "/admin/mail" };
});
