import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { serverSecret } from "@/lib/config";
import { authOptions } from "@/lib/auth/options";
import { sessionUserOf } from "@/lib/auth/session";
import { createUser } from "../helpers/factories";

/** A session cookie's value, signed and encrypted with the server's secret as next-auth does, holding `claims`. */
const sessionCookie = (claims: Record<string, unknown>) => encode({ token: claims, secret: serverSecret() });

/** next-auth's jwt callback on a later request (no `user`: not the moment of logging in). */
const refreshToken = (token: Record<string, unknown>) => authOptions.callbacks!.jwt!({ token } as never);

function claimsNotWrittenByQuire(user: { id: number; sessionVersion: number }): [string, Record<string, unknown>][] {
  return [
    ["a uid that is a string of digits", { uid: String(user.id), sv: user.sessionVersion }],
    ["a uid with a fraction", { uid: user.id + 0.5, sv: user.sessionVersion }],
    ["a uid that is a query", { uid: { gt: 0 }, sv: user.sessionVersion }],
    ["no uid", { sv: user.sessionVersion }],
    ["a session version that is a string", { uid: user.id, sv: String(user.sessionVersion) }],
    ["a negative session version", { uid: user.id, sv: -1 }],
  ];
}

describe("a session token", () => {
  it("stands for its account, with the role from the database, while its session version matches", async () => {
    const user = await createUser(db, { role: "MODERATOR" });
    const cookie = await sessionCookie({ uid: user.id, sv: user.sessionVersion, name: "stale name", role: "ADMIN" });
    expect(await sessionUserOf(cookie)).toEqual({
      id: user.id,
      username: user.username,
      role: "MODERATOR",
      bannedUntil: null,
      banReason: null,
    });

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await sessionUserOf(cookie)).toBeNull();
  });

  it("is treated as signed out when its claims are not the ones Quire writes", async () => {
    const user = await createUser(db);
    for (const [what, claims] of claimsNotWrittenByQuire(user)) {
      expect(await sessionUserOf(await sessionCookie(claims)), what).toBeNull();
    }
    expect(await sessionUserOf("not-a-token")).toBeNull();
    expect(await sessionUserOf(undefined)).toBeNull();
  });

  it("is ended by next-auth's jwt callback when its claims are not Quire's, and refreshed when they are", async () => {
    const user = await createUser(db, { role: "EDITOR" });
    for (const [what, claims] of claimsNotWrittenByQuire(user)) {
      await expect(refreshToken(claims), what).rejects.toThrow("session ended");
    }
    await expect(refreshToken({ uid: user.id, sv: user.sessionVersion })).resolves.toMatchObject({
      name: user.username,
      role: "EDITOR",
    });
  });

  it("is treated as signed out by next-auth's session answer when its role claim is not a role", async () => {
    const session = { expires: new Date(Date.now() + 60_000).toISOString() };
    const show = (token: JWT) => authOptions.callbacks!.session!({ session, token } as never);
    await expect(show({ name: "someone", role: "SUPERUSER" })).rejects.toThrow("unreadable claims");
    await expect(show({ name: "someone", role: "READER" })).resolves.toMatchObject({ user: { name: "someone", role: "READER" } });
  });
});
