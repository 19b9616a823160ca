import "server-only";
import { db } from "@/lib/db";
import { assertCanModerate, type Actor } from "./permissions";
import { loadPostsForReview } from "./review";

/** Posts that need a moderator: held for moderation, or visible with reports nobody has dealt with. */
const WAITING = {
  OR: [{ status: "PENDING" as const }, { status: "APPROVED" as const, reports: { some: { dismissedAt: null } } }],
};

export const QUEUE_PAGE_SIZE = 100;

export async function countWaitingItems(actor: Actor): Promise<number> {
  assertCanModerate(actor);
  return db.comment.count({ where: WAITING });
}

/**
 * The queue, longest-waiting first: a held post waits from when it was
 * written, a reported one from its first open report. Each item says why it
 * is here, with everything a moderator needs to decide (see review.ts).
 */
export async function listModerationQueue(actor: Actor, { limit = QUEUE_PAGE_SIZE } = {}) {
  assertCanModerate(actor);
  const [pending, reported, total] = await Promise.all([
    db.comment.findMany({
      where: { status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, createdAt: true },
    }),
    db.report.findMany({
      where: { dismissedAt: null, comment: { status: "APPROVED" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      distinct: ["commentId"],
      take: limit,
      select: { commentId: true, createdAt: true },
    }),
    db.comment.count({ where: WAITING }),
  ]);
  const waitingSince = new Map<number, Date>(pending.map((p) => [p.id, p.createdAt]));
  for (const report of reported) waitingSince.set(report.commentId, report.createdAt);
  const ids = [...waitingSince]
    .sort(([idA, a], [idB, b]) => a.getTime() - b.getTime() || idA - idB)
    .slice(0, limit)
    .map(([id]) => id);
  const posts = await loadPostsForReview(ids);
  return { total, items: posts.map((post) => ({ ...post, waitingSince: waitingSince.get(post.id)! })) };
}
