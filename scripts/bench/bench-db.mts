// The bench's own writes and reads on its database, through Prisma as the app
// does: unthrottled posting, the 100-post article, and counting what a
// posting run stored.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { connectDatabase } from "../../lib/db/connect";
import { assignPostNumber } from "../../lib/discussion/numbering";
import { siteSettingsSchema, type SiteSettingKey } from "../../lib/settings/schema";
import { bodyFingerprint } from "../../lib/text";

export type BenchDb = PrismaClient;

/**
 * Runs `work` on its own connection, closed afterwards: a server cannot start
 * while another process holds a SQLite file. `database` is a SQLite file or a
 * PostgreSQL URL.
 */
export async function withBenchDb<T>(database: string, work: (db: BenchDb) => Promise<T>): Promise<T> {
  const db = connectDatabase(/^postgres(ql)?:\/\//.test(database) ? database : `file:${database}`);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Every request of the bench comes from 127.0.0.1, posts as one reader and
 * fails to log in as one account, so the per-address and per-account limits
 * (5 posts a minute, 5 logins in 15 minutes) would measure the throttle, not
 * the server. The schema's highest allowed values instead.
 */
export async function raiseRateLimits(db: BenchDb): Promise<void> {
  const keys: SiteSettingKey[] = [
    "commentRateLimitPerIp",
    "commentRateLimitPerUser",
    "loginRateLimitPerIp",
    "loginRateLimitPerAccount",
  ];
  for (const key of keys) {
    const value = JSON.stringify(siteSettingsSchema.shape[key].parse({ max: 100_000, windowSeconds: 60 }));
    await db.siteSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
}

const OPENINGS = [
  "I tried this for a month and kept a notebook",
  "My grandmother always said the same thing",
  "This matches what our family doctor told us",
  "I read a study on this a while ago",
  "Working night shifts taught me something about this",
  "Our kids' school ran a project on exactly this",
];
const ENDINGS = [
  "and the difference after a week was hard to miss.",
  "though I would love to see better numbers on it.",
  "which surprised everyone at the table when I explained it.",
  "so I am glad to finally read a clear explanation.",
  "but I still wonder how much of it is habit rather than biology.",
];

/** Distinct words for filler post `n`, of the length real posts have. */
function fillerBody(n: number): string {
  return `${OPENINGS[n % OPENINGS.length]} (note ${n}), ${ENDINGS[n % ENDINGS.length]} Thanks for writing this up.`;
}

/**
 * Adds approved posts by the demo readers until the article has `target`
 * approved posts, numbered as the app numbers them, in one transaction. An
 * article that has that many already is left as it is.
 */
export async function fillApprovedPosts(db: BenchDb, slug: string, target: number): Promise<{ added: number; total: number }> {
  const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const readers = await db.user.findMany({ where: { role: "READER" }, select: { id: true }, orderBy: { id: "asc" } });
  const have = await db.comment.count({ where: { articleId: article.id, status: "APPROVED" } });
  await db.$transaction(async (tx) => {
    for (let n = have + 1; n <= target; n++) {
      const body = fillerBody(n);
      const { id } = await tx.comment.create({
        data: {
          articleId: article.id,
          body,
          authorId: readers[n % readers.length]!.id,
          status: "APPROVED",
          bodyHash: bodyFingerprint(body),
        },
        select: { id: true },
      });
      await assignPostNumber(tx, id);
    }
  });
  return { added: Math.max(0, target - have), total: Math.max(target, have) };
}

/** The posts on an article whose text starts with `prefix`: what one posting run stored. */
export async function postsStartingWith(db: BenchDb, slug: string, prefix: string) {
  return db.comment.findMany({
    where: { article: { slug }, body: { startsWith: prefix } },
    select: { id: true, status: true },
  });
}
