import "server-only";
import { containing, db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { assertCanAdminister } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import { USERS_PER_PAGE, type UserListQuery } from "./schema";

// Admins' reads of accounts. Never the password hash, reset tokens or opt-out key.
const adminSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  role: true,
  disabledAt: true,
  bannedUntil: true,
  createdAt: true,
} as const;

/** Accounts, oldest first, found by username, display name or email, by role and by whether they are disabled. */
export async function listUsersForAdmins(actor: Actor, query: UserListQuery) {
  assertCanAdminister(actor);
  const q = query.q?.toLowerCase();
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ usernameKey: containing(q) }, { email: containing(q) }, { displayName: containing(query.q!) }] } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { disabledAt: query.status === "disabled" ? { not: null } : null } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (query.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: adminSelect,
    }),
  ]);
  return { users, total, page: query.page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

export async function getUserForAdmins(actor: Actor, userId: number) {
  assertCanAdminister(actor);
  const user = await db.user.findUnique({ where: { id: userId }, select: adminSelect });
  if (!user) throw new NotFound("We could not find that account.");
  return user;
}

export type AdministeredUser = Awaited<ReturnType<typeof getUserForAdmins>>;
