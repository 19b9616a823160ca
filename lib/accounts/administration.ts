import "server-only";
import { db, type Tx } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { roleName } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanAdminister, type Staff } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import type { RoleValue } from "./schema";

// Admins' changes to accounts: roles, and disabling. Each ends the account's
// sessions (a new sessionVersion: lib/auth/session-user.ts), so nobody goes on
// acting under a role or an account they no longer have.

const select = { id: true, username: true, role: true, disabledAt: true } as const;
type Account = { id: number; username: string; role: RoleValue; disabledAt: Date | null };

async function loadAccount(tx: Tx, userId: number): Promise<Account> {
  const account = await tx.user.findUnique({ where: { id: userId }, select });
  if (!account) throw new NotFound("We could not find that account.");
  return account;
}

/** Admins act on others: a slip on one's own account could leave nobody able to undo it. */
function refuseOwnAccount(admin: Staff, account: Account, what: string) {
  if (account.id === admin.id) throw new Conflict(`You cannot ${what} your own account. Ask another administrator.`);
}

/**
 * The site must keep one administrator who can log in. Counted inside the
 * change's transaction, and SQLite runs one writer at a time, so two admins
 * demoting each other at once cannot both succeed: the second sees the first's
 * change and is refused.
 */
async function refuseLastActiveAdmin(tx: Tx, account: Account, what: string) {
  if (account.role !== "ADMIN" || account.disabledAt) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: account.id } } });
  if (others === 0) {
    throw new Conflict(
      `${account.username} is the last active administrator, so you cannot ${what} them. Make someone else an administrator first.`,
    );
  }
}

export async function changeUserRole(actor: Actor, userId: number, role: RoleValue): Promise<Account> {
  const admin = assertCanAdminister(actor);
  return db.$transaction(async (tx) => {
    const account = await loadAccount(tx, userId);
    refuseOwnAccount(admin, account, "change the role of");
    if (account.role === role) return account;
    if (role !== "ADMIN") await refuseLastActiveAdmin(tx, account, "demote");
    const changed = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
      select,
    });
    await recordAuditEvent(tx, {
      actorId: admin.id,
      action: "user.role",
      subjectType: "user",
      subjectId: userId,
      summary: `Changed ${account.username}'s role from ${roleName(account.role)} to ${roleName(role)}.`,
      before: { role: account.role },
      after: { role },
    });
    return changed;
  });
}

/** The account can no longer log in, and every session it has ends at once. Nothing it wrote is removed. */
export async function disableUser(actor: Actor, userId: number): Promise<Account> {
  const admin = assertCanAdminister(actor);
  return db.$transaction(async (tx) => {
    const account = await loadAccount(tx, userId);
    refuseOwnAccount(admin, account, "disable");
    if (account.disabledAt) return account;
    await refuseLastActiveAdmin(tx, account, "disable");
    const changed = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
      select,
    });
    await recordAuditEvent(tx, {
      actorId: admin.id,
      action: "user.disable",
      subjectType: "user",
      subjectId: userId,
      summary: `Disabled ${account.username}'s account and ended their sessions.`,
      before: { disabledAt: null },
      after: { disabledAt: changed.disabledAt },
    });
    return changed;
  });
}

/** The account may log in again (its old sessions stay ended). */
export async function enableUser(actor: Actor, userId: number): Promise<Account> {
  const admin = assertCanAdminister(actor);
  return db.$transaction(async (tx) => {
    const account = await loadAccount(tx, userId);
    if (!account.disabledAt) return account;
    const changed = await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select });
    await recordAuditEvent(tx, {
      actorId: admin.id,
      action: "user.enable",
      subjectType: "user",
      subjectId: userId,
      summary: `Re-enabled ${account.username}'s account.`,
      before: { disabledAt: account.disabledAt },
      after: { disabledAt: null },
    });
    return changed;
  });
}
