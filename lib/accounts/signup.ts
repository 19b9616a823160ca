import "server-only";
import { db, type Tx } from "@/lib/db";
import { hashIp } from "@/lib/client-key";
import { Conflict, ValidationError } from "@/lib/errors";
import { logMailFailure } from "@/lib/mail/send";
import { deliverQueuedMail, queueMail } from "@/lib/mail/outbox";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import { randomToken, sha256Hex } from "@/lib/text";
import { signupAttemptEmail, signupConfirmationEmail } from "./emails";
import { hashPassword } from "./password";
import type { ConfirmSignupInput, SignupInput } from "./schema";

/*
 * A sign-up never tells whether an email address has an account. Every
 * accepted sign-up gets the same answer after the same work (the throttles,
 * the username check, one argon2 hash); what depends on the address happens
 * after the answer, in `delivered`: a new address is mailed a confirmation
 * link, and the account is created when that link is used (confirmSignup); an
 * address that has an account is mailed a note telling its owner, with the
 * way to log in or reset the password. Until the link is used there is no
 * account: nothing to log in to, and no username held.
 *
 * Usernames are public (every post shows one), so a taken username is still
 * refused at once, whatever the email address.
 */

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 24;

/** The one answer to every accepted sign-up, whether or not the address has an account. */
export const SIGNUP_ANSWER = {
  message:
    "Check your inbox: we have sent you an email to finish signing up. Open its link within 24 hours " +
    "to confirm your address; you can log in once you have. If nothing arrives within a few minutes, check your spam folder.",
} as const;

/** The answer to a used confirmation link, from the form and the JSON API alike. */
export function accountReadyMessage(username: string): string {
  return `Your account ${username} is ready. Log in with your username and password.`;
}

export const USERNAME_TAKEN = "That username is taken. Please choose another.";
export const CONFIRM_LINK_INVALID =
  "This confirmation link is not valid: it may have been used already, or a newer sign-up replaced it. " +
  "If your account is confirmed, log in; otherwise sign up again.";
export const CONFIRM_LINK_EXPIRED = "This confirmation link has expired: links work for 24 hours. Please sign up again.";

/**
 * Starts a sign-up. Only the throttles (per address and per email, whether or
 * not the email has an account), the username check and the password hash are
 * awaited; `delivered`, which the callers do not wait for, never rejects.
 */
export async function signUp(input: SignupInput, ip: string): Promise<{ delivered: Promise<void> }> {
  const settings = await getSiteSettings();
  await consumeRateLimits([
    { key: `signup:ip:${hashIp(ip)}`, rule: settings.signupRateLimitPerIp },
    { key: `signup:email:${input.email}`, rule: settings.signupRateLimitPerEmail },
  ]);
  await assertUsernameAvailable(input.username.toLowerCase());
  // Hashed whether or not it will be used, so a taken address costs the same time as a new one.
  const passwordHash = await hashPassword(input.password);
  return { delivered: deliverSignup(input, passwordHash).catch(logMailFailure("a sign-up email")) };
}

async function deliverSignup(input: SignupInput, passwordHash: string): Promise<void> {
  const owner = await db.user.findUnique({ where: { email: input.email }, select: { email: true, username: true } });
  if (owner) {
    await db.$transaction((tx) => queueMail(tx, "signup-attempt", signupAttemptEmail(owner)));
    return void (await deliverQueuedMail());
  }
  // 256 random bits; only the SHA-256 is stored, so a copy of the database confirms nobody.
  const token = randomToken(32);
  const now = new Date();
  const pending = {
    username: input.username,
    passwordHash,
    tokenHash: sha256Hex(token),
    expiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000),
    createdAt: now,
  };
  await db.$transaction(async (tx) => {
    await tx.pendingSignup.deleteMany({ where: { expiresAt: { lte: now } } });
    // A repeated sign-up replaces the earlier one, and with it the earlier link.
    await tx.pendingSignup.upsert({ where: { email: input.email }, create: { email: input.email, ...pending }, update: pending });
    const confirmation = signupConfirmationEmail({ email: input.email, username: input.username }, token, CONFIRM_LINK_HOURS);
    await queueMail(tx, "signup-confirm", confirmation);
  });
  await deliverQueuedMail();
}

/**
 * Creates the account of a pending sign-up from its emailed link. In one
 * transaction the pending sign-up is spent (at most once, even when two
 * requests race) and the reader account created, unless its username was
 * taken while the link waited. The caller does not log anyone in: the link
 * shows who reads the mailbox, the password who signed up.
 */
export async function confirmSignup(input: ConfirmSignupInput): Promise<{ id: number; username: string }> {
  const pending = await db.pendingSignup.findUnique({ where: { tokenHash: sha256Hex(input.token) } });
  if (!pending) throw new ValidationError(CONFIRM_LINK_INVALID);
  if (pending.expiresAt.getTime() <= Date.now()) throw new ValidationError(CONFIRM_LINK_EXPIRED);
  const outcome = await db
    .$transaction(async (tx) => {
      const spent = await tx.pendingSignup.deleteMany({ where: { id: pending.id, tokenHash: pending.tokenHash } });
      if (spent.count !== 1) return { refused: new ValidationError(CONFIRM_LINK_INVALID) };
      const usernameKey = pending.username.toLowerCase();
      const taken = await refusalFor(tx, usernameKey, pending.email);
      if (taken) return { refused: taken };
      const user = await tx.user.create({
        data: {
          username: pending.username,
          usernameKey,
          email: pending.email,
          passwordHash: pending.passwordHash,
          unsubscribeKey: randomToken(),
        },
        select: { id: true, username: true },
      });
      return { user };
    })
    // Another confirmation took the username between the check and the insert (possible where writers run at once).
    .catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code === "P2002") return { refused: usernameTakenMeanwhile() };
      throw error;
    });
  // Refused after the transaction, so that the spent link stays spent.
  if ("refused" in outcome) throw outcome.refused;
  return outcome.user;
}

async function assertUsernameAvailable(usernameKey: string): Promise<void> {
  if (await db.user.findUnique({ where: { usernameKey }, select: { id: true } })) {
    throw new Conflict("Please choose a different username.", { username: [USERNAME_TAKEN] });
  }
}

/** Why a confirmed sign-up cannot become an account after all: its username or (the link holder's own) address was taken meanwhile. */
async function refusalFor(tx: Tx, usernameKey: string, email: string): Promise<Conflict | null> {
  const taken = await tx.user.findMany({ where: { OR: [{ usernameKey }, { email }] }, select: { usernameKey: true } });
  if (taken.length === 0) return null;
  if (taken.some((user) => user.usernameKey === usernameKey)) return usernameTakenMeanwhile();
  return new Conflict("This email address already has an account. Log in, or reset your password if you have forgotten it.");
}

function usernameTakenMeanwhile(): Conflict {
  return new Conflict(
    "Someone else took your username while the link waited, so no account was made. Please sign up again with another username.",
  );
}
