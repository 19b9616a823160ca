import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SiteSettings } from "@/lib/settings/schema";

/**
 * Changes site settings in the e2e server's database (the server reads them on
 * every request) and returns a function that puts the previous rows back.
 * e2e files share one server: always restore, e.g. in afterAll.
 */
export async function changeSiteSettings(db: PrismaClient, changes: Partial<SiteSettings>): Promise<() => Promise<void>> {
  const keys = Object.keys(changes);
  const previous = await db.siteSetting.findMany({ where: { key: { in: keys } } });
  for (const [key, value] of Object.entries(changes)) {
    const json = JSON.stringify(value);
    await db.siteSetting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
  }
  return async () => {
    await db.siteSetting.deleteMany({ where: { key: { in: keys } } });
    for (const { key, value } of previous) await db.siteSetting.create({ data: { key, value } });
  };
}

/**
 * Forgets the throttling counters whose keys start with `prefix` (e.g.
 * "comment:"). Every request in an e2e run comes from 127.0.0.1, so one
 * file's burst would otherwise throttle the next file.
 */
export async function clearRateLimits(db: PrismaClient, prefix: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: prefix } } });
}
