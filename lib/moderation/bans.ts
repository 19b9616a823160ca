import "server-only";
import { db, type Tx } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { assertCanModerate, canBan, type Actor } from "./permissions";
import type { BanInput, UnbanInput } from "./schema";
import { BANNED_FOR_GOOD, describeBan } from "./wording";

const DAY_MS = 86_400_000;

async function findUser(tx: Tx, id: number) {
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, username: true, role: true, bannedUntil: true, banReason: true },
  });
  if (!user) throw new NotFound("We could not find that user.");
  return user;
}

/** Whether a user is banned at `now`; the Discussion flow refuses their new posts. */
export function isBanned(user: { bannedUntil: Date | null }, now = new Date()): boolean {
  return user.bannedUntil !== null && user.bannedUntil.getTime() > now.getTime();
}

/**
 * Refuses a banned user's new post with a sentence that says so, how long for
 * and why. For the posting flow: `assertNotBanned(author)` before anything is stored.
 */
export function assertNotBanned(user: { bannedUntil: Date | null; banReason?: string | null } | null, now = new Date()): void {
  if (!user || !isBanned(user, now)) return;
  const reason = user.banReason ? ` Reason: ${user.banReason}` : "";
  throw new Forbidden(`You cannot post: you are ${describeBan(user.bannedUntil!)}.${reason}`);
}

/**
 * Bans a user for a number of days or for good. Their session is kept (the
 * session version is not bumped) so that, when they try to post, they are
 * told they are banned instead of being quietly logged out and posting as a guest.
 */
export async function banUser(actor: Actor, input: BanInput) {
  const moderator = assertCanModerate(actor);
  const bannedUntil = input.duration === "forever" ? BANNED_FOR_GOOD : new Date(Date.now() + Number(input.duration) * DAY_MS);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!canBan(moderator, user)) {
      throw new Forbidden(
        user.id === moderator.id ? "You cannot ban yourself." : "Only an administrator can ban a member of staff.",
      );
    }
    await tx.user.update({ where: { id: user.id }, data: { bannedUntil, banReason: input.reason } });
    await recordModerationAction(tx, {
      actorId: moderator.id,
      action: "ban",
      reason: input.reason,
      targetUserId: user.id,
      before: { bannedUntil: user.bannedUntil?.toISOString() ?? null, banReason: user.banReason },
      after: { bannedUntil: bannedUntil.toISOString(), banReason: input.reason },
    });
    return { user: { id: user.id, username: user.username, bannedUntil } };
  });
}

export async function unbanUser(actor: Actor, input: UnbanInput) {
  const moderator = assertCanModerate(actor);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!canBan(moderator, user)) throw new Forbidden("Only an administrator can lift a ban on a member of staff.");
    if (!isBanned(user)) throw new Conflict(`${user.username} is not banned.`);
    await tx.user.update({ where: { id: user.id }, data: { bannedUntil: null, banReason: null } });
    await recordModerationAction(tx, {
      actorId: moderator.id,
      action: "unban",
      reason: input.reason,
      targetUserId: user.id,
      before: { bannedUntil: user.bannedUntil!.toISOString(), banReason: user.banReason },
      after: { bannedUntil: null, banReason: null },
    });
    return { user: { id: user.id, username: user.username } };
  });
}
