import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashIp } from "@/lib/client-key";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import { DomainError } from "@/lib/errors";
import { spendPasswordCheckTime, verifyPassword } from "./password";

export const loginSchema = z.object({
  username: z.string().trim().min(1, "Enter your username or email address").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;

export class LoginFailed extends DomainError {
  constructor() {
    // One message for an unknown user and a wrong password: no hint who has an account.
    super("Incorrect username or password.", 401);
  }
}

/**
 * Checks a username (or email) and password. Throttled per address and per
 * account name before anything is looked up; an unknown name costs the same
 * password-hashing time as a known one.
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
    select: { id: true, username: true, role: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await spendPasswordCheckTime(input.password);
    throw new LoginFailed();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new LoginFailed();
  return { id: user.id, username: user.username, role: user.role, sessionVersion: user.sessionVersion };
}
