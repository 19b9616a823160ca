import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assignPostNumber } from "@/lib/discussion/numbering";
import { bodyFingerprint, randomToken } from "@/lib/text";
import { createUser } from "./factories";

/** A visible, numbered post, as if a moderator had approved it. */
export async function createApprovedPost(
  db: PrismaClient,
  {
    articleId,
    authorId = null,
    body = `An approved post ${randomToken(4)}`,
  }: { articleId: number; authorId?: number | null; body?: string },
) {
  return db.$transaction(async (tx) => {
    const post = await tx.comment.create({
      data: {
        articleId,
        authorId,
        body,
        anonymous: authorId === null,
        anonHandle: authorId === null ? `anon${Math.floor(10000 + Math.random() * 89999)}` : null,
        status: "APPROVED",
        bodyHash: bodyFingerprint(body),
      },
    });
    return { ...post, number: await assignPostNumber(tx, post.id) };
  });
}

/**
 * A reader with one approved post already (on the article `elsewhereId`), so
 * their new posts do not wait as a "first post".
 */
export async function createTrustedReader(db: PrismaClient, elsewhereId: number, options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, options);
  await createApprovedPost(db, { articleId: elsewhereId, authorId: user.id });
  return user;
}
