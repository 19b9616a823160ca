import "server-only";
import { db } from "@/lib/db";
import { hashIp } from "@/lib/client-key";
import { ValidationError } from "@/lib/errors";
import { deliverQueuedMail, queueMail } from "@/lib/mail/outbox";
import { logMailFailure } from "@/lib/mail/send";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import { randomToken, sha256Hex } from "@/lib/text";
import { passwordChangedEmail, passwordResetEmail } from "./emails";
import { hashPassword } from "./password";
import { PASSWORD_REPEATS_IDENTITY, passwordRepeatsIdentity, type ForgotPasswordInput, type ResetPasswordInput } from "./schema";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/** The one answer to every accepted forgot-password request, whether or not the account exists. */
export const FORGOT_PASSWORD_ANSWER = {
  message:
    "If an account uses that email address, we have sent it a link to choose a new password. " +
    "The link works for one hour. If nothing arrives within a few minutes, check your spam folder.",
} as const;

/** The answer to a successful reset, from the form and the JSON API alike. */
export const PASSWORD_CHANGED =
  "Your password has been changed, and every session has been logged out. Log in with your new password.";

export const RESET_LINK_INVALID = "This reset link is not valid. Check that you opened the whole link, or ask for a new one.";
export const RESET_LINK_USED =
  "This reset link has already been used, or a newer one replaced it. Ask for a new link if you still need one.";
export const RESET_LINK_EXPIRED = "This reset link has expired: links work for one hour. Please ask for a new one.";

/**
 * Starts a password reset. Only the throttle (per address and per email, the
 * same whether or not an account exists) is awaited; looking the account up,
 * storing a token and sending the mail happen in `delivered`, which the route
 * does not wait for, so neither the answer nor its timing says whether the
 * address has an account. `delivered` never rejects.
 */
export async function requestPasswordReset(input: ForgotPasswordInput, ip: string): Promise<{ delivered: Promise<void> }> {
  const settings = await getSiteSettings();
  await consumeRateLimits([
    { key: `forgot:ip:${hashIp(ip)}`, rule: settings.forgotRateLimitPerIp },
    { key: `forgot:email:${input.email}`, rule: settings.forgotRateLimitPerEmail },
  ]);
  return { delivered: sendResetLink(input.email).catch(logMailFailure("a password reset link")) };
}

async function sendResetLink(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, username: true } });
  if (!user) return;
  // 256 random bits; only the SHA-256 is stored, so a copy of the database cannot reset anyone.
  const token = randomToken(32);
  const now = new Date();
  await db.$transaction(async (tx) => {
    // A new request voids every link sent before it.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
    });
    await queueMail(tx, "password-reset", passwordResetEmail(user, token, RESET_LINK_MINUTES));
  });
  // Sent at once; if SMTP is down, the outbox's worker keeps trying.
  await deliverQueuedMail();
}

/**
 * Sets a new password with a token from a reset email. In one transaction the
 * token is spent (at most once, even when two requests race), every other
 * outstanding token is voided, the hash is replaced and the session version
 * bumped, which ends every session opened before.
 */
export async function resetPassword(input: ResetPasswordInput): Promise<{ username: string }> {
  const token = await db.passwordResetToken.findUnique({
    where: { tokenHash: sha256Hex(input.token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { username: true, email: true } } },
  });
  if (!token) throw new ValidationError(RESET_LINK_INVALID);
  if (token.usedAt) throw new ValidationError(RESET_LINK_USED);
  if (token.expiresAt.getTime() <= Date.now()) throw new ValidationError(RESET_LINK_EXPIRED);
  if (passwordRepeatsIdentity(input.password, token.user)) {
    throw new ValidationError("Please correct the highlighted fields.", { password: [PASSWORD_REPEATS_IDENTITY] });
  }
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: token.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new ValidationError(RESET_LINK_USED);
    await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: token.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    // OWASP: tell the owner, so a reset they did not make does not go unnoticed.
    await queueMail(tx, "password-changed", passwordChangedEmail(token.user));
  });
  void deliverQueuedMail();
  return { username: token.user.username };
}
