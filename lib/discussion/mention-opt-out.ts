import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";

// The key in a mention email's opt-out link is the account's unsubscribeKey:
// random, unique, and good for nothing but this switch.

const INVALID_LINK = "That opt-out link is not valid. Check that you copied the whole link from the email.";

export async function findMentionSubscription(unsubscribeKey: string) {
  return db.user.findUnique({ where: { unsubscribeKey }, select: { username: true, mentionEmails: true } });
}

/** Turns off mention emails for the account the key belongs to. */
export async function stopMentionEmails(unsubscribeKey: string): Promise<void> {
  const { count } = await db.user.updateMany({ where: { unsubscribeKey }, data: { mentionEmails: false } });
  if (count === 0) throw new NotFound(INVALID_LINK);
}

/** A signed-in reader's own switch on their email settings page. */
export async function setMentionEmails(userId: number, on: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { mentionEmails: on } });
}

export async function mentionEmailsOn(userId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { mentionEmails: true } });
  return user?.mentionEmails ?? false;
}
