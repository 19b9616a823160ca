import "server-only";
import { db, type Tx } from "@/lib/db";
import { queueMail } from "@/lib/mail/outbox";
import { posterNameFields, publicPosterName } from "@/lib/discussion/poster";
import { threadDigestEmail } from "./emails";
import { digestGatherMs, digestIntervalMs } from "./limits";

/**
 * Called in the transaction that makes a post visible: the discussion's
 * followers have something new. The digest itself is put together later,
 * so that posts arriving together go out as one email.
 */
export async function markThreadChanged(tx: Tx, articleId: number, now: Date): Promise<void> {
  await tx.threadSubscription.updateMany({ where: { articleId, pendingSince: null }, data: { pendingSince: now } });
}

/**
 * Queues the digests that are due: a confirmed follower whose discussion has
 * had new posts for the gathering time, and who has had no digest of it in
 * the last 15 minutes, gets one email listing every approved post since the
 * last one, except their own. Each digest is queued in one transaction with
 * the follower's progress, so a post is never listed twice, and a second
 * process doing the same finds nothing left to do.
 */
export async function queueThreadDigests(now = new Date()): Promise<number> {
  const due = await db.threadSubscription.findMany({
    where: {
      confirmedAt: { not: null },
      pendingSince: { lte: new Date(now.getTime() - digestGatherMs()) },
      OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: new Date(now.getTime() - digestIntervalMs()) } }],
    },
    take: 100,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of due) if (await queueDigest(id, now)) queued++;
  return queued;
}

async function queueDigest(subscriptionId: number, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const subscription = await tx.threadSubscription.findUnique({
      where: { id: subscriptionId },
      select: {
        id: true,
        email: true,
        userId: true,
        notifiedThrough: true,
        pendingSince: true,
        unsubscribeKey: true,
        user: { select: { email: true, disabledAt: true } },
        article: { select: { id: true, slug: true, title: true } },
      },
    });
    if (!subscription?.pendingSince) return false;
    const posts = await tx.comment.findMany({
      where: { articleId: subscription.article.id, status: "APPROVED", number: { gt: subscription.notifiedThrough } },
      orderBy: { number: "asc" },
      select: { number: true, body: true, authorId: true, ...posterNameFields },
    });
    const through = Math.max(subscription.notifiedThrough, ...posts.map((p) => p.number!));
    const news = posts.filter((p) => subscription.userId === null || p.authorId !== subscription.userId);
    const to = subscription.user ? (subscription.user.disabledAt ? null : subscription.user.email) : subscription.email;
    const claimed = await tx.threadSubscription.updateMany({
      where: { id: subscription.id, pendingSince: subscription.pendingSince },
      data: { pendingSince: null, notifiedThrough: through, ...(news.length && to ? { lastNotifiedAt: now } : {}) },
    });
    if (claimed.count === 0 || news.length === 0 || !to) return false;
    const digest = threadDigestEmail(
      to,
      subscription.article,
      news.map((p) => ({ number: p.number!, posterName: publicPosterName(p), body: p.body })),
      subscription.unsubscribeKey,
    );
    await queueMail(tx, "thread-digest", digest, `digest:${subscription.id}:${through}`);
    return true;
  });
}
