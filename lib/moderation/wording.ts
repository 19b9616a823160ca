import type { CommentStatus } from "@/lib/generated/prisma/enums";

/** How a post's status reads in a sentence ("This post is already approved"). */
export const STATUS_WORDS: Record<CommentStatus, string> = {
  PENDING: "waiting for moderation",
  APPROVED: "approved",
  REJECTED: "rejected",
  SPAM: "marked as spam",
  DELETED: "deleted",
};

const ACTION_WORDS: Record<string, { label: string; past: string }> = {
  approve: { label: "Approve", past: "approved" },
  reject: { label: "Reject", past: "rejected" },
  spam: { label: "Mark as spam", past: "marked as spam" },
  delete: { label: "Delete", past: "deleted" },
  restore: { label: "Restore", past: "restored" },
  edit: { label: "Edit", past: "edited" },
  "dismiss-reports": { label: "Dismiss reports", past: "reports dismissed" },
  undo: { label: "Undo", past: "an action undone" },
  ban: { label: "Ban", past: "banned" },
  unban: { label: "Lift ban", past: "ban lifted" },
  "close-discussion": { label: "Close discussion", past: "discussion closed" },
  "open-discussion": { label: "Reopen discussion", past: "discussion reopened" },
  "update-policies": { label: "Change policies", past: "policies changed" },
};

/** A logged action's button label and past tense; unknown names (from older rows) read as themselves. */
export function describeAction(action: string): { label: string; past: string } {
  return ACTION_WORDS[action] ?? { label: action, past: action };
}

/** Why a post waits, as a moderator reads it: heldReason codes, then open reports. */
const HELD_REASONS: Record<string, string> = {
  guest: "guest",
  "first-post": "first post",
  links: "too many links",
  "blocked-word": "blocked word",
  imported: "waiting on the old site (imported)",
};

export function describeWaitReasons(heldReason: string | null, openReports: number): string[] {
  const reasons = (heldReason ?? "")
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean)
    .map((code) => HELD_REASONS[code] ?? code);
  if (openReports > 0) reasons.push(`${openReports} report${openReports === 1 ? "" : "s"}`);
  return reasons;
}

/** "banned until 3 December 2026", or "banned for good". */
export const BANNED_FOR_GOOD = new Date("9999-12-31T23:59:59.000Z");

export function describeBan(bannedUntil: Date): string {
  if (bannedUntil.getTime() >= BANNED_FOR_GOOD.getTime()) return "banned for good";
  return `banned until ${bannedUntil.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
