import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/moderation/permissions";
import { serverSecret } from "@/lib/config";
import { AuthenticationRequired, Conflict, Forbidden } from "@/lib/errors";
import { authenticate, describeLoginError } from "@/lib/accounts/login";
import { changeUserRole, disableUser, enableUser } from "@/lib/accounts/administration";
import { getUserForAdmins, listUsersForAdmins } from "@/lib/accounts/queries";
import { sessionUserOf } from "@/lib/auth/session";
import { sessionClaims } from "@/lib/auth/session-user";
import { createUser, uniqueName } from "../helpers/factories";
import { randomIp } from "../helpers/json-request";
import { auditSince, lastAuditId } from "../helpers/curation";

// Admins change roles and disable accounts through lib/accounts; a changed
// account's sessions end, and a disabled one cannot log in.

const PASSWORD = "a fine long passphrase";

async function person(role: "READER" | "MODERATOR" | "EDITOR" | "ADMIN" = "READER") {
  const user = await createUser(db, { role, password: PASSWORD });
  return { user, actor: { id: user.id, role } as const };
}

/** A session cookie for the account as it is now, as logging in would issue it. */
async function sessionFor(userId: number) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return encode({ token: sessionClaims(user), secret: serverSecret() });
}

const logIn = (username: string, password = PASSWORD) => authenticate({ username, password }, randomIp());

describe("changing a role", () => {
  it("gives the account its new role, ends its sessions, and records before and after", async () => {
    const { actor: admin } = await person("ADMIN");
    const { user } = await person("READER");
    const cookie = await sessionFor(user.id);
    expect(await sessionUserOf(cookie)).toMatchObject({ id: user.id, role: "READER" });
    const since = await lastAuditId();

    expect(await changeUserRole(admin, user.id, "EDITOR")).toMatchObject({ role: "EDITOR" });
    expect(await sessionUserOf(cookie)).toBeNull();
    expect(await sessionUserOf(await sessionFor(user.id))).toMatchObject({ role: "EDITOR" });
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "user.role",
      subjectType: "user",
      subjectId: user.id,
      summary: `Changed ${user.username}'s role from reader to editor.`,
      before: { role: "READER" },
      after: { role: "EDITOR" },
    });
  });

  it("is refused on the admin's own account, with a sentence, and nothing changes", async () => {
    const { user, actor: admin } = await person("ADMIN");
    const audit = await db.auditEvent.count();
    await expect(changeUserRole(admin, user.id, "READER")).rejects.toThrow(
      "You cannot change the role of your own account. Ask another administrator.",
    );
    await expect(disableUser(admin, user.id)).rejects.toThrow("You cannot disable your own account.");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "ADMIN",
      disabledAt: null,
      sessionVersion: user.sessionVersion,
    });
    expect(await db.auditEvent.count()).toBe(audit);
  });
});

describe("the last active administrator", () => {
  it("cannot be demoted or disabled, even by an admin who was demoted a moment before", async () => {
    // Start with exactly two active admins: every other admin this file made steps down.
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const { user: first, actor: firstAdmin } = await person("ADMIN");
    const { user: second, actor: secondAdmin } = await person("ADMIN");

    await changeUserRole(firstAdmin, second.id, "EDITOR");
    // The second admin's request started before it lost the role (two admins demoting each other at once).
    await expect(changeUserRole(secondAdmin, first.id, "READER")).rejects.toThrow(Conflict);
    await expect(changeUserRole(secondAdmin, first.id, "READER")).rejects.toThrow(
      `${first.username} is the last active administrator, so you cannot demote them. Make someone else an administrator first.`,
    );
    await expect(disableUser(secondAdmin, first.id)).rejects.toThrow(
      "is the last active administrator, so you cannot disable them",
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("counts only admins who can log in: a disabled admin is no stand-in", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const { user: only } = await person("ADMIN");
    const { user: disabled } = await person("ADMIN");
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    // As the disabled admin's last request might still be running.
    await expect(changeUserRole({ id: disabled.id, role: "ADMIN" }, only.id, "EDITOR")).rejects.toThrow(
      "last active administrator",
    );
  });
});

describe("a disabled account", () => {
  it("cannot log in, is told so only after the right password, and every session it had is nobody's", async () => {
    const { actor: admin } = await person("ADMIN");
    const { user } = await person("READER");
    const cookie = await sessionFor(user.id);
    const since = await lastAuditId();

    await disableUser(admin, user.id);
    expect(await sessionUserOf(cookie)).toBeNull();
    await expect(logIn(user.username, "not the password")).rejects.toThrow("Incorrect username or password.");
    await expect(logIn(user.username)).rejects.toMatchObject({
      status: 403,
      message: "This account has been disabled. If you think that is a mistake, write to the site's editors.",
    });
    // next-auth's /login?error= shows it as written: it is one of Quire's own sentences.
    expect(
      describeLoginError("This account has been disabled. If you think that is a mistake, write to the site's editors."),
    ).toContain("disabled");
    // Even a token with the current session version stands for nobody while the account is disabled.
    expect(await sessionUserOf(await sessionFor(user.id))).toBeNull();

    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: "user.disable", subjectId: user.id, before: { disabledAt: null } });
    expect((entry!.after as { disabledAt: string }).disabledAt).toEqual(expect.any(String));
  });

  it("re-enabled, can log in again, and the log says who let it back", async () => {
    const { actor: admin } = await person("ADMIN");
    const { user } = await person("EDITOR");
    await disableUser(admin, user.id);
    const since = await lastAuditId();
    await enableUser(admin, user.id);
    await expect(logIn(user.username)).resolves.toMatchObject({ id: user.id });
    expect(await auditSince(since)).toMatchObject([
      {
        actorId: admin.id,
        action: "user.enable",
        summary: `Re-enabled ${user.username}'s account.`,
        after: { disabledAt: null },
      },
    ]);
  });
});

describe("the user list", () => {
  it("finds accounts by name or email, by role and state, a page at a time, never showing secrets", async () => {
    const { actor: admin } = await person("ADMIN");
    const prefix = uniqueName("find").slice(0, 10);
    for (let i = 0; i < 3; i++) await createUser(db, { username: `${prefix}${i}`, role: i === 0 ? "MODERATOR" : "READER" });
    const all = await listUsersForAdmins(admin, { q: prefix.toUpperCase(), page: 1 });
    expect(all.users.map((u) => u.username)).toEqual([`${prefix}0`, `${prefix}1`, `${prefix}2`]);
    expect(all.users[0]).not.toHaveProperty("passwordHash");
    expect((await listUsersForAdmins(admin, { q: prefix, role: "MODERATOR", page: 1 })).users.map((u) => u.username)).toEqual([
      `${prefix}0`,
    ]);
    await disableUser(admin, all.users[2]!.id);
    expect((await listUsersForAdmins(admin, { q: prefix, status: "disabled", page: 1 })).total).toBe(1);
    expect(await listUsersForAdmins(admin, { page: 1000 })).toMatchObject({ users: [], page: 1000 });
  });
});

describe("user administration", () => {
  it("is for admins only: guests (401), readers, moderators and editors (403) change nothing", async () => {
    const { user } = await person("READER");
    const refused: [string, Actor, typeof Forbidden | typeof AuthenticationRequired][] = [
      ["a guest", null, AuthenticationRequired],
      ["a reader", (await person("READER")).actor, Forbidden],
      ["a moderator", (await person("MODERATOR")).actor, Forbidden],
      ["an editor", (await person("EDITOR")).actor, Forbidden],
    ];
    const before = { users: await db.user.findMany({ orderBy: { id: "asc" } }), audit: await db.auditEvent.count() };
    for (const [who, actor, refusal] of refused) {
      for (const [job, run] of [
        ["list", () => listUsersForAdmins(actor, { page: 1 })],
        ["open", () => getUserForAdmins(actor, user.id)],
        ["change a role", () => changeUserRole(actor, user.id, "ADMIN")],
        ["disable", () => disableUser(actor, user.id)],
        ["enable", () => enableUser(actor, user.id)],
      ] as const) {
        await expect(run(), `${job} as ${who}`).rejects.toThrow(refusal);
      }
    }
    expect({ users: await db.user.findMany({ orderBy: { id: "asc" } }), audit: await db.auditEvent.count() }).toEqual(before);
  });
});
