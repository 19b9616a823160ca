import { AuthenticationRequired, Forbidden } from "@/lib/errors";
import { roleAllows } from "@/lib/auth/roles";
import type { Actor } from "@/lib/moderation/permissions";

export type Staff = NonNullable<Actor>;

/** Editors and admins run the back office; moderators and readers do not (separate duties). */
export function canEdit(user: Actor): user is Staff {
  return user !== null && roleAllows(user.role, "editor");
}

export function canAdminister(user: Actor): user is Staff {
  return user !== null && roleAllows(user.role, "admin");
}

/**
 * Called first by every editorial function in lib/, whatever called it (page,
 * server action, route): a hidden link is not a permission check.
 */
export function assertCanEdit(actor: Actor): Staff {
  if (!actor) throw new AuthenticationRequired("Please log in as an editor to do that.");
  if (!canEdit(actor)) throw new Forbidden("You need to be an editor to do that.");
  return actor;
}

/** Users and their roles are for admins only. */
export function assertCanAdminister(actor: Actor): Staff {
  if (!actor) throw new AuthenticationRequired("Please log in as an administrator to do that.");
  if (!canAdminister(actor)) throw new Forbidden("You need to be an administrator to do that.");
  return actor;
}
