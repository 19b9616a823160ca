"use server";
import { confirmSignupSchema } from "@/lib/accounts/schema";
import { accountReadyMessage, confirmSignup } from "@/lib/accounts/signup";
import { formAction } from "@/lib/forms";

/** The button of the emailed confirmation link: the same confirmSignup as POST /api/account/confirm. */
export const confirmSignupFromForm = formAction(confirmSignupSchema, async (input) => {
  const { username } = await confirmSignup(input);
  return { message: accountReadyMessage(username) };
});
