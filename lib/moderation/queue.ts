import "server-only";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { publicPosterName } from "@/lib/comments/poster";
import { assertCanModerate, type Actor } from "./permissions";
import { describeWaitReasons } from "./wording";

/** Posts that need a moderator: held for moderation, or visible with reports nobody has dealt with. */
const WAITING = {
  OR: [{ status: "PENDING" as const }, { status: "APPROVED" as const, reports: { some: { dismissedAt: null } } }],
};

export const QUEUE_PAGE_SIZE = 100;

export async function countWaitingItems(actor: Actor): Promise<number> {
  assertCanModerate(actor);
  return db.comment.count({ where: WAITING });
}

const queueSelect = {
  id: true,
  body: true,
  status: true,
  number: true,
  version: true,
  heldReason: true,
  ipHash: true,
  anonymous: true,
  anonHandle: true,
  createdAt: true,
  editedAt: true,
  originalBody: true,
  article: { select: { id: true, slug: true, title: true, discussionOpen: true } },
  author: { select: { id: true, username: true, role: true, bannedUntil: true, banReason: true } },
  reports: { where: { dismissedAt: null }, orderBy: { createdAt: "asc" as const }, select: { reason: true, createdAt: true } },
} as const;

/**
 * The queue, longest-waiting first: a held post waits from when it was
 * written, a reported one from its first open report. Each item says why it
 * is here and shows what a public reader never sees: the real author behind an
 * anonymous post, the hashed address, and the poster's track record.
 */
export async function listModerationQueue(actor: Actor, { limit = QUEUE_PAGE_SIZE } = {}) {
  assertCanModerate(actor);
  const [pending, reported, total] = await Promise.all([
    db.comment.findMany({ where: { status: "PENDING" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit, select: { id: true, createdAt: true } }),
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

  const posts = await db.comment.findMany({ where: { id: { in: ids } }, select: queueSelect });
  const history = await posterHistory(posts);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const items = ids.flatMap((id) => {
    const post = byId.get(id);
    if (!post) return [];
    return [
      {
        ...post,
        waitingSince: waitingSince.get(id)!,
        reasons: describeWaitReasons(post.status === "PENDING" ? post.heldReason : null, post.reports.length),
        postedAs: publicPosterName(post),
        history: post.author ? history.byAuthor(post.author.id) : post.ipHash ? history.byAddress(post.ipHash) : null,
      },
    ];
  });
  return { total, items };
}

export type QueueItem = Awaited<ReturnType<typeof listModerationQueue>>["items"][number];
export type PosterHistory = { of: "account" | "address"; approved: number; rejected: number; spam: number };

/** Approved / rejected / spam counts per author, and per hashed address for guests. */
async function posterHistory(posts: { author: { id: number } | null; ipHash: string | null }[]) {
  const authorIds = [...new Set(posts.flatMap((p) => (p.author ? [p.author.id] : [])))];
  const addresses = [...new Set(posts.flatMap((p) => (!p.author && p.ipHash ? [p.ipHash] : [])))];
  const [byAuthor, byAddress] = await Promise.all([
    db.comment.groupBy({ by: ["authorId", "status"], where: { authorId: { in: authorIds } }, _count: { _all: true } }),
    db.comment.groupBy({ by: ["ipHash", "status"], where: { ipHash: { in: addresses }, authorId: null }, _count: { _all: true } }),
  ]);
  const tally = (of: PosterHistory["of"], rows: { status: CommentStatus; _count: { _all: number } }[]): PosterHistory => {
    const count = (status: CommentStatus) => rows.find((r) => r.status === status)?._count._all ?? 0;
    return { of, approved: count("APPROVED"), rejected: count("REJECTED"), spam: count("SPAM") };
  };
  return {
    byAuthor: (id: number) => tally("account", byAuthor.filter((r) => r.authorId === id)),
    byAddress: (hash: string) => tally("address", byAddress.filter((r) => r.ipHash === hash)),
  };
}
