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
