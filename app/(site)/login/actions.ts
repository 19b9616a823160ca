"use server";
import { z } from "zod";
import { authenticate } from "@/lib/accounts/login";
import { callbackUrlField, loginFormSchema } from "@/lib/accounts/login-schema";
import { callbackPathOnThisSite } from "@/lib/auth/callback-url";
import { endSession, startSession } from "@/lib/auth/session-cookie";
import { actionClientIp, formAction } from "@/lib/forms";

/**
 * The login form (the /login page and the box under every article), with or
 * without JavaScript. It checks the person with the same authenticate as
 * next-auth's credentials provider (lib/auth/options.ts): the same throttles,
 * one failure for a wrong password and an unknown user. It then issues the
 * cookie next-auth would. Next's Origin check on server actions is the CSRF
 * defence, so the form needs no per-visitor token and cached pages can carry it.
 */
export const logInFromForm = formAction(loginFormSchema, async (input) => {
  const user = await authenticate(input, await actionClientIp());
  await startSession(user);
  return { message: `You are logged in as ${user.username}.`, redirectTo: callbackPathOnThisSite(input.callbackUrl) };
});

/** "Log out", then back to the page it was pressed on (or the home page). */
export const logOutFromForm = formAction(z.object({ callbackUrl: callbackUrlField }), async (input) => {
  await endSession();
  return { message: "You are logged out.", redirectTo: callbackPathOnThisSite(input.callbackUrl) };
});
