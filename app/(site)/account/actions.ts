"use server";
import { z } from "zod";
import { formAction } from "@/lib/forms";
import { ACCOUNT_DELETED, deleteOwnAccount } from "@/lib/accounts/own-data";

const closeAccountSchema = z.object({
  password: z.string({ error: "Enter your password to confirm." }).min(1, "Enter your password to confirm.").max(1024),
});

/** "Close my account", confirmed by the password. */
export const closeAccountFromForm = formAction(closeAccountSchema, async ({ password }, { actor }) => {
  await deleteOwnAccount(actor, password);
  return { message: ACCOUNT_DELETED, redirectTo: "/account/closed" };
});
