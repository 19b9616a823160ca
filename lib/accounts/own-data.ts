import "server-only";
import { db } from "@/lib/db";
import { AuthenticationRequired, Forbidden, ValidationError } from "@/lib/errors";
import { pagesChanged, changed } from "@/lib/cache";
import type { SessionUser } from "@/lib/auth/session-user";
import { verifyPassword } from "./password";

/**
 * A reader's own data (GDPR articles 15 and 20): everything they wrote and
 * everything Quire holds about them, as one JSON document. Never the
 * password hash or any token; the keyed address hashes on their posts are
 * included, since they are data held about them.
 */
export async function exportOwnData(actor: SessionUser | null) {
  if (!actor) throw new AuthenticationRequired("Please log in to download your data.");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      username: true,
      displayName: true,
      email: true,
      role: true,
      bio: true,
      createdAt: true,
      mentionEmails: true,
      bannedUntil: true,
      banReason: true,
      disabledAt: true,
      comments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          number: true,
          body: true,
          originalBody: true,
          status: true,
          anonymous: true,
          anonHandle: true,
          createdAt: true,
          editedAt: true,
          ipHash: true,
          article: { select: { slug: true, title: true } },
        },
      },
      reports: { orderBy: { id: "asc" }, select: { commentId: true, reason: true, createdAt: true } },
      subscriptions: { select: { createdAt: true, article: { select: { slug: true, title: true } } } },
      actionsReceived: { orderBy: { id: "asc" }, select: { action: true, reason: true, createdAt: true, commentId: true } },
    },
  });
  const { comments, reports, subscriptions, actionsReceived, ...account } = user;
  return {
    exportedAt: new Date().toISOString(),
    account,
    posts: comments,
    reportsMade: reports,
    discussionsFollowed: subscriptions,
    moderationOfYou: actionsReceived,
  };
}

export const ACCOUNT_DELETED = "Your account is closed. Your posts stay, shown as by “deleted user”.";

/**
 * Closes a reader's own account, after their password: their posts stay,
 * shown as by "deleted user", and nothing that identifies them remains — the
 * account row (name, email, hash), the address hashes on their posts, their
 * subscriptions, reset links, queued emails to their address and throttling
 * counters keyed by it. Staff accounts are closed by an admin (who first
 * makes them a reader), so that no one removes themselves from the record of
 * what they did.
 */
export async function deleteOwnAccount(actor: SessionUser | null, password: string): Promise<void> {
  if (!actor) throw new AuthenticationRequired("Please log in to close your account.");
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, usernameKey: true, role: true, passwordHash: true },
  });
  if (!user) throw new AuthenticationRequired("Please log in to close your account.");
  if (user.role !== "READER") {
    throw new Forbidden("Staff accounts are closed by an admin: ask one to make yours a reader account first.");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("Please correct the highlighted fields.", { password: ["That is not your password."] });
  }
  const articles = await db.$transaction(async (tx) => {
    const posts = await tx.comment.findMany({ where: { authorId: user.id }, select: { articleId: true } });
    await tx.comment.updateMany({ where: { authorId: user.id }, data: { authorId: null, ipHash: null } });
    await tx.threadSubscription.deleteMany({ where: { OR: [{ userId: user.id }, { email: user.email }] } });
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    await tx.rateLimit.deleteMany({
      where: { OR: [{ key: { endsWith: `:${user.email}` } }, { key: { endsWith: `:${user.usernameKey}` } }] },
    });
    await tx.user.delete({ where: { id: user.id } });
    return [...new Set(posts.map((p) => p.articleId))];
  });
  for (const articleId of articles) pagesChanged(changed.posts(articleId));
}
