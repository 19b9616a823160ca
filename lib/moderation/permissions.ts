import { AuthenticationRequired, Forbidden } from "@/lib/errors";
import { roleAllows, type Role } from "@/lib/auth/roles";

/** Whoever is acting: the signed-in user (id and current role), or null for a guest. */
export type Actor = { id: number; role: Role } | null;
export type Moderator = NonNullable<Actor>;

/** Moderators and admins moderate; editors do not (separate duties). */
export function canModerate(user: Actor): user is Moderator {
  return user !== null && roleAllows(user.role, "moderator");
}

/** Site policies are for admins only. */
export function canChangePolicies(user: Actor): user is Moderator {
  return user !== null && roleAllows(user.role, "admin");
}

/**
 * Moderators may ban readers; only an admin may ban staff (moderators, editors,
 * admins), and nobody may ban themselves, so a slip cannot lock the team out.
 */
export function canBan(actor: Actor, target: { id: number; role: Role }): boolean {
  if (!canModerate(actor) || actor.id === target.id) return false;
  return target.role === "READER" || actor.role === "ADMIN";
}

/**
 * Called first by every moderation function, whatever called it (page, server
 * action, route): a hidden button is not a permission check.
 */
export function assertCanModerate(actor: Actor): Moderator {
  if (!actor) throw new AuthenticationRequired("Please log in as a moderator to do that.");
  if (!canModerate(actor)) throw new Forbidden("You need to be a moderator to do that.");
  return actor;
}

export function assertCanChangePolicies(actor: Actor): Moderator {
  if (!actor) throw new AuthenticationRequired("Please log in as an administrator to do that.");
  if (!canChangePolicies(actor)) throw new Forbidden("You need to be an administrator to change site policies.");
  return actor;
}
