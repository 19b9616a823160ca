import "server-only";
import { db } from "@/lib/db";
import { RateLimited } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/settings/schema";

/**
 * Fixed-window throttling stored in the database, so a limit holds across
 * restarts and across several server processes. Each call counts one attempt
 * against `key` (e.g. "login:ip:<hash>") and throws RateLimited, with the
 * seconds until the window ends, once the window's count passes the rule's max.
 */
export async function consumeRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { count } = await db.$transaction((tx) =>
    tx.rateLimit.upsert({
      where: { key_windowStart: { key, windowStart } },
      create: { key, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    }),
  );
  if (Math.random() < 0.01) await pruneExpiredWindows(now);
  if (count > rule.max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new RateLimited(retryAfterSeconds);
  }
}

/** Runs every limit; all are counted, and the first exceeded one is thrown. */
export async function consumeRateLimits(limits: { key: string; rule: RateLimitRule }[], now = new Date()) {
  let exceeded: unknown;
  for (const { key, rule } of limits) {
    try {
      await consumeRateLimit(key, rule, now);
    } catch (error) {
      exceeded ??= error;
    }
  }
  if (exceeded) throw exceeded;
}

async function pruneExpiredWindows(now: Date) {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}
