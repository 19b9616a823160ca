"use server";
import { PASSWORD_CHANGED, resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/accounts/schema";
import { formAction } from "@/lib/forms";

/** The new-password form of the emailed link: the same resetPassword as POST /api/account/reset. */
export const resetPasswordFromForm = formAction(resetPasswordSchema, async (input) => {
  await resetPassword(input);
  return { message: PASSWORD_CHANGED };
});
