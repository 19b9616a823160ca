import "server-only";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit";
import { getSiteSettings } from "@/lib/settings/queries";
import type { SessionUser } from "@/lib/auth/session";
import type { ReportInput } from "./schema";
import { assertNotBanned } from "@/lib/moderation/bans";

/**
 * A reader asks the moderators to look at a visible post. Each reader reports
 * a post once: a signed-in reader by account, a guest by (hashed) address.
 * Reports are throttled by address like posts, so nobody can bury the
 * moderators' queue.
 */
export async function reportComment(
  commentId: number,
  input: ReportInput,
  actor: SessionUser | null,
  { ipHash, now = new Date() }: { ipHash: string; now?: Date },
) {
  assertNotBanned(actor, now);
  const settings = await getSiteSettings();
  await consumeRateLimits([{ key: `report:ip:${ipHash}`, rule: settings.commentRateLimitPerIp }], now);
  const reporterKey = actor ? `user:${actor.id}` : `ip:${ipHash}`;
  return db.$transaction(async (tx) => {
    const post = await tx.comment.findUnique({ where: { id: commentId }, select: { status: true } });
    if (!post || post.status !== "APPROVED") throw new NotFound("We could not find that post.");
    const earlier = await tx.report.findUnique({
      where: { commentId_reporterKey: { commentId, reporterKey } },
      select: { id: true },
    });
    if (earlier) throw new Conflict("You have already reported this post. A moderator will look at it.");
    return tx.report.create({
      data: { commentId, reporterId: actor?.id ?? null, reporterKey, reason: input.reason, createdAt: now },
      select: { id: true },
    });
  });
}
