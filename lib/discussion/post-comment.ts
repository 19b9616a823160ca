import "server-only";
import { db, lockRow, rowLockedTransaction, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, Forbidden, NotFound, RateLimited, ValidationError, describeWait } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import type { SiteSettings } from "@/lib/settings/schema";
import type { SessionUser } from "@/lib/auth/session";
import { bodyFingerprint } from "@/lib/text";
import type { NewCommentInput } from "./schema";
import { getDiscussionArticle } from "./queries";
import { holdReasonFor, type HeldReason } from "./hold";
import { anonHandleFor } from "./anon-handle";
import { assertNotBanned } from "@/lib/moderation/bans";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { onPostBecameVisible, queuePostEmails } from "./became-visible";

export type PostCommentContext = {
  /** Keyed hash of the poster's address (lib/client-key.ts hashIp). */
  ipHash: string;
  now?: Date;
};

export type PostedComment = {
  id: number;
  status: "pending" | "approved";
  /** "Post N", once visible; null while the post waits for moderation. */
  number: number | null;
  heldReason: HeldReason | null;
};

const REPEAT_WINDOW_MS = 10 * 60_000;

const HONEYPOT_MESSAGE = "Leave the last field of the form empty: it is there to catch spam robots. Nothing was posted.";

/**
 * Posts a comment: the one path behind the comment form's server action and
 * POST /api/articles/<slug>/comments. Checks run cheapest first and before
 * anything is written; then the post is stored, numbered if it is visible,
 * and its mentions linked, in one write transaction (BEGIN IMMEDIATE), so an
 * answered post is never half-stored. Mention emails go out after the commit.
 *
 * A filled-in honeypot is refused with a 400 rather than dropped in silence:
 * a person whose browser autofilled it must not lose their words unawares,
 * and a robot learns nothing it could not learn from the form.
 */
export async function postComment(
  slug: string,
  input: NewCommentInput,
  actor: SessionUser | null,
  { ipHash, now = new Date() }: PostCommentContext,
): Promise<PostedComment> {
  if (input.website !== "") throw new ValidationError(HONEYPOT_MESSAGE, { website: [HONEYPOT_MESSAGE] });
  const article = await getDiscussionArticle(slug);
  if (!article) throw new NotFound("We could not find that article.");
  if (!article.discussionOpen) throw new Forbidden("Discussion of this article is closed; new posts are not accepted.");
  assertNotBanned(actor, now);
  const settings = await getSiteSettings();
  await consumeCommentRateLimits(actor, ipHash, settings, now);
  const heldReason = await holdReasonFor(input.body, actor, settings);
  const anonymous = actor === null || input.anonymous;
  const bodyHash = bodyFingerprint(input.body);

  const { id, number } = await db.$transaction(async (tx) => {
    // Every post to this discussion takes the article's row first (PostgreSQL; SQLite has one writer).
    await lockRow(tx, "Article", article.id);
    await assertNotRepeated(tx, { bodyHash, actor, ipHash, now });
    const comment = await tx.comment.create({
      data: {
        articleId: article.id,
        body: input.body,
        authorId: actor?.id ?? null,
        anonymous,
        anonHandle: anonymous ? await anonHandleFor(tx, article.id, actor?.id ?? null) : null,
        status: heldReason ? "PENDING" : "APPROVED",
        heldReason,
        bodyHash,
        ipHash,
        createdAt: now,
      },
      select: { id: true },
    });
    if (heldReason) return { id: comment.id, number: null };
    const number = await onPostBecameVisible(tx, comment.id);
    await queuePostEmails(tx, comment.id, now);
    return { id: comment.id, number };
  }, rowLockedTransaction);

  if (number !== null) {
    pagesChanged(changed.posts(article.id));
    void deliverQueuedMail();
  }
  return { id, status: number === null ? "pending" : "approved", number, heldReason };
}

async function consumeCommentRateLimits(actor: SessionUser | null, ipHash: string, settings: SiteSettings, now: Date) {
  const limits = [{ key: `comment:ip:${ipHash}`, rule: settings.commentRateLimitPerIp }];
  if (actor) limits.push({ key: `comment:user:${actor.id}`, rule: settings.commentRateLimitPerUser });
  try {
    await consumeRateLimits(limits, now);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    const wait = describeWait(error.retryAfterSeconds);
    throw new RateLimited(
      error.retryAfterSeconds,
      `You are posting too often. Your comment was not posted; please wait ${wait} and try again.`,
    );
  }
}

/**
 * The same words from the same poster (account, or address for guests) within
 * ten minutes: a double-click, a resubmitted form or a robot. Checked inside
 * the write transaction, so two identical posts sent at once cannot both pass.
 */
async function assertNotRepeated(
  tx: Tx,
  { bodyHash, actor, ipHash, now }: { bodyHash: string; actor: SessionUser | null; ipHash: string; now: Date },
) {
  const repeat = await tx.comment.findFirst({
    where: {
      bodyHash,
      createdAt: { gte: new Date(now.getTime() - REPEAT_WINDOW_MS) },
      status: { not: "DELETED" },
      ...(actor ? { authorId: actor.id } : { authorId: null, ipHash }),
    },
    select: { id: true },
  });
  if (repeat) {
    const message = "You posted this same comment a few minutes ago, so it was not posted again.";
    throw new Conflict(message, { body: [message] });
  }
}
