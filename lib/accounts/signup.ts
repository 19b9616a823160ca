import "server-only";
import { db } from "@/lib/db";
import { hashIp } from "@/lib/client-key";
import { Conflict, type FieldErrors } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import { randomToken } from "@/lib/text";
import { hashPassword } from "./password";
import type { SignupInput } from "./schema";

/*
 * A taken email address answers 409, which tells the asker that the address
 * has an account. OWASP prefers a generic answer, but a sign-up that creates
 * a usable account at once cannot give one: it must either refuse or succeed,
 * and only an email-verification step (which Quire does not have) could hide
 * the difference. So the oracle is made expensive instead: sign-up is
 * throttled per address and per email, the message does not confirm an
 * account outright, and it points the owner to log in or recover the password.
 * The forgot-password form, which has no such constraint, never reveals it.
 */
const USERNAME_TAKEN = "That username is taken. Please choose another.";
const EMAIL_UNAVAILABLE = "This email address cannot be used for a new account. If it is yours, log in or reset your password.";

/** Creates a reader account. The caller logs the new user in (startSession, or next-auth). */
export async function signUp(input: SignupInput, ip: string): Promise<{ id: number; username: string; sessionVersion: number }> {
  const settings = await getSiteSettings();
  await consumeRateLimits([
    { key: `signup:ip:${hashIp(ip)}`, rule: settings.signupRateLimitPerIp },
    { key: `signup:email:${input.email}`, rule: settings.signupRateLimitPerEmail },
  ]);
  const usernameKey = input.username.toLowerCase();
  await assertAvailable(usernameKey, input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        username: input.username,
        usernameKey,
        email: input.email,
        passwordHash,
        unsubscribeKey: randomToken(),
      },
      select: { id: true, username: true, sessionVersion: true },
    });
  } catch (error) {
    // Another sign-up took the name or address while this one was hashing.
    if (isUniqueViolation(error)) await assertAvailable(usernameKey, input.email);
    throw error;
  }
}

async function assertAvailable(usernameKey: string, email: string): Promise<void> {
  const taken = await db.user.findMany({
    where: { OR: [{ usernameKey }, { email }] },
    select: { usernameKey: true, email: true },
  });
  const fields: FieldErrors = {};
  if (taken.some((user) => user.usernameKey === usernameKey)) fields.username = [USERNAME_TAKEN];
  if (taken.some((user) => user.email === email)) fields.email = [EMAIL_UNAVAILABLE];
  if (Object.keys(fields).length > 0) {
    throw new Conflict("Please choose a different username or email address.", fields);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
