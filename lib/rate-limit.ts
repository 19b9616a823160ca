import "server-only";
import { db, dialect, rowLockedTransaction, type Tx } from "@/lib/db";
import { RateLimited } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/settings/schema";

/**
 * Fixed-window throttling stored in the database, so a limit holds across
 * restarts and across several server processes. Each call counts one attempt
 * against every key (e.g. "login:ip:<hash>" and "login:account:<name>") in one
 * write transaction (one sync to disk however many limits apply), then throws
 * RateLimited for the first limit whose window count passes its max, with the
 * seconds until that window ends. Every limit is counted either way.
 */
export async function consumeRateLimits(limits: { key: string; rule: RateLimitRule }[], now = new Date()) {
  const windows = limits.map(({ key, rule }) => {
    const windowMs = rule.windowSeconds * 1000;
    return { key, rule, windowMs, windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs) };
  });
  const counts = await db.$transaction(async (tx) => {
    const counted: number[] = [];
    for (const { key, windowStart } of windows) counted.push(await countAttempt(tx, key, windowStart));
    return counted;
  }, rowLockedTransaction);
  if (Math.random() < 0.01) await pruneExpiredWindows(now);
  const exceeded = windows.find((window, i) => counts[i]! > window.rule.max);
  if (exceeded) {
    const retryAfterSeconds = Math.max(1, Math.ceil((exceeded.windowStart.getTime() + exceeded.windowMs - now.getTime()) / 1000));
    throw new RateLimited(retryAfterSeconds);
  }
}

/**
 * Counting is one atomic statement per key on PostgreSQL (INSERT … ON
 * CONFLICT DO UPDATE, under READ COMMITTED: rowLockedTransaction): a burst on
 * one key then queues on its row instead of aborting itself under
 * SERIALIZABLE. On SQLite, Prisma's upsert inside the one write lock is just as atomic.
 */
async function countAttempt(tx: Tx, key: string, windowStart: Date): Promise<number> {
  if (dialect === "postgres") {
    const [row] = await tx.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "count"`;
    return row!.count;
  }
  const { count } = await tx.rateLimit.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return count;
}

async function pruneExpiredWindows(now: Date) {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}
