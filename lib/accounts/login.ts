import "server-only";
import { db } from "@/lib/db";
import { hashIp } from "@/lib/client-key";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import { DomainError, ServiceBusy } from "@/lib/errors";
import { spendPasswordCheckTime, verifyPassword } from "./password";
import type { LoginInput } from "./login-schema";

export const LOGIN_INCOMPLETE = "Enter your username and password.";
export const LOGIN_UNAVAILABLE = "We could not log you in just now. Please try again in a moment.";

export class LoginFailed extends DomainError {
  constructor() {
    // One message for an unknown user and a wrong password: no hint who has an account.
    super("Incorrect username or password.", 401);
  }
}

/**
 * Said only after the right password, so it tells nothing to someone guessing
 * (a wrong password gets LoginFailed, whatever the account's state). The owner
 * is told why, instead of "Incorrect password", which would send them round
 * the password-reset loop for nothing.
 */
export class AccountDisabled extends DomainError {
  constructor() {
    super("This account has been disabled. If you think that is a mistake, write to the site's editors.", 403);
  }
}

/**
 * Checks a username (or email) and password. Throttled per address and per
 * account name before anything is looked up; an unknown name costs the same
 * password-hashing time as a known one. The name is the one typed, not the
 * account it names: a count shared by an account's username and email would
 * let anyone link the two by watching them lock together. A sign-up whose link has not been used
 * is no account yet (./signup.ts), so it fails as an unknown name does: saying
 * "confirm your email first" would tell whoever tries that the address has a
 * sign-up waiting, and the sign-up's own answer already says to open the link.
 */
export async function authenticate(input: LoginInput, ip: string) {
  const name = input.username.toLowerCase();
  const settings = await getSiteSettings();
  await consumeRateLimits([
    { key: `login:ip:${hashIp(ip)}`, rule: settings.loginRateLimitPerIp },
    { key: `login:account:${name}`, rule: settings.loginRateLimitPerAccount },
  ]);
  const user = await db.user.findFirst({
    where: name.includes("@") ? { email: name } : { usernameKey: name },
    select: { id: true, username: true, role: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  if (!user) {
    await spendPasswordCheckTime(input.password);
    throw new LoginFailed();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new LoginFailed();
  if (user.disabledAt) throw new AccountDisabled();
  return { id: user.id, username: user.username, role: user.role, sessionVersion: user.sessionVersion };
}

const KNOWN_LOGIN_ERRORS = new Set([
  new LoginFailed().message,
  new AccountDisabled().message,
  new ServiceBusy().message,
  LOGIN_UNAVAILABLE,
  LOGIN_INCOMPLETE,
]);

/**
 * The sentence to show for next-auth's `/login?error=...`. That parameter is
 * in a link anyone can craft, so only Quire's own messages are shown as
 * written (a forged one could tell a reader to "call support on ..."); any
 * other value gets a generic sentence.
 */
export function describeLoginError(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (KNOWN_LOGIN_ERRORS.has(error)) return error;
  if (error === "CredentialsSignin") return new LoginFailed().message;
  if (error === "SessionRequired") return "Please log in to see that page.";
  if (/^Too many attempts\. Please try again in \d+ (second|minute)s?\.$/.test(error)) return error;
  return "We could not log you in. Please try again.";
}
