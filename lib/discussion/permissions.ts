import { Forbidden } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertNotBanned } from "@/lib/moderation/bans";

/** How long after posting an author may still edit or delete their post. */
export const EDIT_WINDOW_MINUTES = 15;
const EDIT_WINDOW_MS = EDIT_WINDOW_MINUTES * 60_000;

export function editableUntil(post: { createdAt: Date }): Date {
  return new Date(post.createdAt.getTime() + EDIT_WINDOW_MS);
}

/**
 * Only the signed-in author may change their own post, and only for a short
 * while after posting: long enough to fix a typo, too short to rewrite a
 * thread that others have already replied to.
 */
export function assertCanChangeOwnPost(actor: SessionUser, post: { authorId: number | null; createdAt: Date }, now: Date): void {
  assertNotBanned(actor, now);
  if (post.authorId !== actor.id) throw new Forbidden("You can only change your own posts.");
  if (now >= editableUntil(post)) {
    throw new Forbidden(
      `Posts can be changed for ${EDIT_WINDOW_MINUTES} minutes after posting; this one can no longer be changed.`,
    );
  }
}
