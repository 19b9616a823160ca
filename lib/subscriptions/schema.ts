import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schema";

/** A guest's request to follow a discussion: the address the confirmation link goes to. */
export const guestSubscriptionSchema = z.object({ email: emailSchema });
export type GuestSubscriptionInput = z.infer<typeof guestSubscriptionSchema>;

/** The secret in a confirmation or unsubscribe link. */
export const linkKeySchema = z
  .string({ error: "Open the link from the email again." })
  .min(16, "That link is incomplete. Open it from the email again.")
  .max(128, "That link is not valid. Open it from the email again.");
