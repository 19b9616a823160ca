import "server-only";
import { db, type Tx } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { hashIp } from "@/lib/client-key";
import { consumeRateLimits } from "@/lib/rate-limit";
import { deliverQueuedMail, queueMail } from "@/lib/mail/outbox";
import { randomToken, sha256Hex } from "@/lib/text";
import { publishedWhere } from "@/lib/articles/queries";
import { confirmSubscriptionEmail } from "./emails";
import { GUEST_SUBSCRIBE_PER_EMAIL, GUEST_SUBSCRIBE_PER_IP } from "./limits";
import type { GuestSubscriptionInput } from "./schema";

/** What a guest is told, whether the address is new, waiting for confirmation or already following. */
export const GUEST_SUBSCRIBE_ANSWER =
  "Check your inbox: we sent a link to confirm. Nothing is sent about this discussion until you open it.";
const INVALID_LINK = "That link is not valid or was already used. Check that you copied the whole link from the email.";

async function publishedArticle(slug: string) {
  const article = await db.article.findFirst({
    where: { slug, ...publishedWhere },
    select: { id: true, slug: true, title: true },
  });
  if (!article) throw new NotFound("We could not find that article. It may have been moved or unpublished.");
  return article;
}

/** The highest post number a discussion has shown: a new follower hears of what comes after. */
async function lastPostNumber(tx: Tx, articleId: number): Promise<number> {
  const last = await tx.comment.aggregate({ where: { articleId, number: { not: null } }, _max: { number: true } });
  return last._max.number ?? 0;
}

/** A signed-in reader follows a discussion in one click. Following twice is following. */
export async function subscribeReader(userId: number, articleSlug: string): Promise<void> {
  const article = await publishedArticle(articleSlug);
  await db.$transaction(async (tx) => {
    const existing = await tx.threadSubscription.findUnique({ where: { articleId_userId: { articleId: article.id, userId } } });
    if (existing) return;
    await tx.threadSubscription.create({
      data: {
        articleId: article.id,
        userId,
        confirmedAt: new Date(),
        unsubscribeKey: randomToken(24),
        notifiedThrough: await lastPostNumber(tx, article.id),
      },
    });
  });
}

/**
 * A guest asks to follow a discussion by email: double opt-in. A new address,
 * or one that never confirmed, gets a confirmation link (a new one each time,
 * throttled); an address already following gets nothing. The answer is the
 * same in every case, so it tells no one what an address is doing.
 */
export async function subscribeGuest(articleSlug: string, input: GuestSubscriptionInput, ip: string): Promise<void> {
  const article = await publishedArticle(articleSlug);
  await consumeRateLimits([
    { key: `subscribe:ip:${hashIp(ip)}`, rule: GUEST_SUBSCRIBE_PER_IP },
    { key: `subscribe:email:${input.email}`, rule: GUEST_SUBSCRIBE_PER_EMAIL },
  ]);
  const token = randomToken(32);
  const queued = await db.$transaction(async (tx) => {
    const where = { articleId_email: { articleId: article.id, email: input.email } };
    const existing = await tx.threadSubscription.findUnique({ where, select: { confirmedAt: true } });
    if (existing?.confirmedAt) return false;
    if (existing) await tx.threadSubscription.update({ where, data: { confirmTokenHash: sha256Hex(token) } });
    else
      await tx.threadSubscription.create({
        data: {
          articleId: article.id,
          email: input.email,
          confirmTokenHash: sha256Hex(token),
          unsubscribeKey: randomToken(24),
          notifiedThrough: await lastPostNumber(tx, article.id),
        },
      });
    await queueMail(tx, "subscription-confirm", confirmSubscriptionEmail(input.email, article, token));
    return true;
  });
  if (queued) void deliverQueuedMail();
}

/** The subscription a confirmation link is for, to show what confirming will do. */
export async function findUnconfirmedSubscription(token: string) {
  return db.threadSubscription.findUnique({
    where: { confirmTokenHash: sha256Hex(token) },
    select: { email: true, confirmedAt: true, article: { select: { slug: true, title: true } } },
  });
}

/** The guest opened the link and pressed Confirm: from now on, new posts are sent. The link works once. */
export async function confirmGuestSubscription(token: string): Promise<{ articleSlug: string; articleTitle: string }> {
  const subscription = await db.threadSubscription.findUnique({
    where: { confirmTokenHash: sha256Hex(token) },
    select: { id: true, article: { select: { slug: true, title: true } } },
  });
  if (!subscription) throw new NotFound(INVALID_LINK);
  await db.threadSubscription.update({
    where: { id: subscription.id },
    data: { confirmedAt: new Date(), confirmTokenHash: null },
  });
  return { articleSlug: subscription.article.slug, articleTitle: subscription.article.title };
}

/** Whatever a reader follows, as their email settings page lists it. */
export async function listReaderSubscriptions(userId: number) {
  return db.threadSubscription.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { unsubscribeKey: true, createdAt: true, article: { select: { slug: true, title: true } } },
  });
}

export async function isReaderSubscribed(userId: number, articleSlug: string): Promise<boolean> {
  const found = await db.threadSubscription.findFirst({
    where: { userId, article: { slug: articleSlug } },
    select: { id: true },
  });
  return found !== null;
}

/** What an unsubscribe link is for, or null. */
export async function findSubscriptionByKey(unsubscribeKey: string) {
  return db.threadSubscription.findUnique({
    where: { unsubscribeKey },
    select: { email: true, user: { select: { username: true } }, article: { select: { slug: true, title: true } } },
  });
}

/** Ends a subscription through the secret of its emails' links: no login needed, and nothing more is sent. */
export async function unsubscribe(unsubscribeKey: string): Promise<void> {
  const { count } = await db.threadSubscription.deleteMany({ where: { unsubscribeKey } });
  if (count === 0) throw new NotFound("You are not following this discussion any more, or the link is not valid.");
}

/** A signed-in reader stops following from the article or their settings page. */
export async function unsubscribeReader(userId: number, articleSlug: string): Promise<void> {
  await db.threadSubscription.deleteMany({ where: { userId, article: { slug: articleSlug } } });
}
