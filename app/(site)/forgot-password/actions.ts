"use server";
import { FORGOT_PASSWORD_ANSWER, requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "@/lib/accounts/schema";
import { actionClientIp, formAction } from "@/lib/forms";

/**
 * The forgot-password form: the same requestPasswordReset as POST
 * /api/account/forgot, and the same answer for every address. Like the route,
 * it does not wait for the mail, so its timing says nothing either.
 */
export const requestPasswordResetFromForm = formAction(forgotPasswordSchema, async (input) => {
  await requestPasswordReset(input, await actionClientIp());
  return { message: FORGOT_PASSWORD_ANSWER.message };
});
