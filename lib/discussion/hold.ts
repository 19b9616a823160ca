import "server-only";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { roleAllows } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import type { SiteSettings } from "@/lib/settings/schema";
import { countLinks } from "./mentions";

/** Why a post waits for a moderator; stored in Comment.heldReason. */
export type HeldReason = "guest" | "first-post" | "links" | "blocked-word";

/** The first blocked word the text contains as a whole word, ignoring case. */
export function findBlockedWord(text: string, blockedWords: readonly string[]): string | null {
  const haystack = text.normalize("NFKC").toLowerCase();
  for (const word of blockedWords) {
    const needle = word
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, "u").test(haystack)) return word;
  }
  return null;
}

/**
 * What the words of a post call for, by the site's settings: refused (a
 * blocked word when the action is "reject"), held, or nothing. Checked again
 * on every edit, so an edit cannot slip past what a new post would meet.
 */
export function contentHoldReason(body: string, settings: SiteSettings): HeldReason | null {
  if (findBlockedWord(body, settings.blockedWords)) {
    if (settings.blockedWordAction === "reject") {
      const message = "Your comment contains a word that is not allowed here. Please reword it.";
      throw new ValidationError(message, { body: [message] });
    }
    return "blocked-word";
  }
  if (countLinks(body) > settings.linkLimit) return "links";
  return null;
}

/**
 * Whether a new post waits for moderation, and why. Moderators' own posts never
 * wait: they are the ones who would approve them.
 */
export async function holdReasonFor(body: string, actor: SessionUser | null, settings: SiteSettings): Promise<HeldReason | null> {
  if (actor && roleAllows(actor.role, "moderator")) return null;
  const content = contentHoldReason(body, settings);
  if (content) return content;
  if (!actor) return settings.holdGuestPosts ? "guest" : null;
  if (settings.holdFirstPost && !(await hasApprovedPost(actor.id))) return "first-post";
  return null;
}

/** An account's "first post" lasts until a moderator has approved one of its posts. */
async function hasApprovedPost(userId: number): Promise<boolean> {
  const approved = await db.comment.findFirst({ where: { authorId: userId, status: "APPROVED" }, select: { id: true } });
  return approved !== null;
}
