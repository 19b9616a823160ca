"use server";
import { signupSchema } from "@/lib/accounts/schema";
import { SIGNUP_ANSWER, signUp } from "@/lib/accounts/signup";
import { actionClientIp, formAction } from "@/lib/forms";

/**
 * The sign-up form: the same signUp as POST /api/account/signup, and the same
 * answer for every address. Nobody is logged in: the account exists once the
 * emailed link is used (./confirm).
 */
export const signUpFromForm = formAction(signupSchema, async (input) => {
  await signUp(input, await actionClientIp());
  return { message: SIGNUP_ANSWER.message };
});
