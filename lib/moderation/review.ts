import "server-only";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { publicPosterName } from "@/lib/discussion/poster";
import { assertCanModerate, type Actor } from "./permissions";
import { describeWaitReasons } from "./wording";

// What a moderator sees of a post, in the queue and on its own page: what a
// public reader never sees (the real author behind an anonymous post, the
// hashed address, the poster's track record) and why it needs attention.

const reviewSelect = {
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

export async function loadPostsForReview(ids: number[]) {
  const posts = await db.comment.findMany({ where: { id: { in: ids } }, select: reviewSelect });
  const history = await posterHistory(posts);
  const byId = new Map(
    posts.map((post) => [
      post.id,
      {
        ...post,
        reasons: describeWaitReasons(post.status === "PENDING" ? post.heldReason : null, post.reports.length),
        postedAs: publicPosterName(post),
        history: post.author ? history.byAuthor(post.author.id) : post.ipHash ? history.byAddress(post.ipHash) : null,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type PostForReview = Awaited<ReturnType<typeof loadPostsForReview>>[number];
export type PosterHistory = { of: "account" | "address"; approved: number; rejected: number; spam: number };

/** One post, whatever its status, for its moderation page; null if there is no such post. */
export async function getPostForReview(actor: Actor, id: number): Promise<PostForReview | null> {
  assertCanModerate(actor);
  const [post] = await loadPostsForReview([id]);
  return post ?? null;
}

/**
 * Finds a post from what a moderator pastes: its public address
 * (".../articles/<slug>#post-<n>", or the older-posts page's), or its id.
 */
export async function findPostId(actor: Actor, address: string): Promise<number | null> {
  assertCanModerate(actor);
  const text = address.trim();
  if (/^#?\d+$/.test(text)) {
    const post = await db.comment.findUnique({ where: { id: Number(text.replace("#", "")) }, select: { id: true } });
    return post?.id ?? null;
  }
  const match = /\/articles\/([A-Za-z0-9_-]+)[^#]*#post-(\d+)/.exec(text);
  if (!match) return null;
  const post = await db.comment.findFirst({
    where: { article: { slug: match[1] }, number: Number(match[2]) },
    select: { id: true },
  });
  return post?.id ?? null;
}

/** Approved / rejected / spam counts per author, and per hashed address for guests. */
async function posterHistory(posts: { author: { id: number } | null; ipHash: string | null }[]) {
  const authorIds = [...new Set(posts.flatMap((p) => (p.author ? [p.author.id] : [])))];
  const addresses = [...new Set(posts.flatMap((p) => (!p.author && p.ipHash ? [p.ipHash] : [])))];
  const [byAuthor, byAddress] = await Promise.all([
    db.comment.groupBy({ by: ["authorId", "status"], where: { authorId: { in: authorIds } }, _count: { _all: true } }),
    db.comment.groupBy({
      by: ["ipHash", "status"],
      where: { ipHash: { in: addresses }, authorId: null },
      _count: { _all: true },
    }),
  ]);
  const tally = (of: PosterHistory["of"], rows: { status: CommentStatus; _count: { _all: number } }[]): PosterHistory => {
    const count = (status: CommentStatus) => rows.find((r) => r.status === status)?._count._all ?? 0;
    return { of, approved: count("APPROVED"), rejected: count("REJECTED"), spam: count("SPAM") };
  };
  return {
    byAuthor: (id: number) =>
      tally(
        "account",
        byAuthor.filter((r) => r.authorId === id),
      ),
    byAddress: (hash: string) =>
      tally(
        "address",
        byAddress.filter((r) => r.ipHash === hash),
      ),
  };
}
