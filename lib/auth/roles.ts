import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };
export type RoleName = "reader" | "moderator" | "editor" | "admin";

const ROLE_OF: Record<RoleName, Role> = { reader: "READER", moderator: "MODERATOR", editor: "EDITOR", admin: "ADMIN" };

/**
 * Whether a role may act as `needed`. Admins may do everything; otherwise
 * roles are separate duties (an editor is not a moderator), and every
 * signed-in role counts as a reader.
 */
export function roleAllows(role: Role, needed: RoleName): boolean {
  if (role === "ADMIN") return true;
  if (needed === "reader") return true;
  return role === ROLE_OF[needed];
}

export function roleName(role: Role): RoleName {
  return role.toLowerCase() as RoleName;
}
