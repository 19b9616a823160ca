"use server";
import { signupSchema } from "@/lib/accounts/schema";
import { signUp } from "@/lib/accounts/signup";
import { startSession } from "@/lib/auth/session-cookie";
import { actionClientIp, formAction } from "@/lib/forms";

/** The sign-up form: the same signUp as POST /api/account/signup, then the new reader is logged in. */
export const signUpFromForm = formAction(signupSchema, async (input) => {
  const user = await signUp(input, await actionClientIp());
  await startSession(user);
  return { message: `Welcome, ${user.username}. You are logged in.`, redirectTo: "/" };
});
