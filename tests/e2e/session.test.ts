import { afterAll, describe, expect, inject, it } from "vitest";
import { connectServerDatabase } from "../helpers/server-db";
import { createUser } from "../helpers/factories";
import { loginCookie } from "../helpers/session";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
afterAll(() => serverDb.$disconnect());

describe("sessions", () => {
  it("tell the browser who is signed in, and nobody for a guest", async () => {
    const user = await createUser(serverDb, { password: "a long enough password 1" });
    const cookie = await loginCookie(user.username, "a long enough password 1");
    const me = await fetch(`${baseURL}/api/account/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ user: { id: user.id, username: user.username, role: "reader" } });
    const guest = await fetch(`${baseURL}/api/account/me`);
    expect(await guest.json()).toEqual({ user: null });
  });

  it("end when the account's session version changes (as a password reset does)", async () => {
    const user = await createUser(serverDb, { password: "a long enough password 2" });
    const cookie = await loginCookie(user.username, "a long enough password 2");
    await serverDb.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const me = await fetch(`${baseURL}/api/account/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ user: null });
  });

  it("point a person who opens the login form's target as a link to the login page, without a 500", async () => {
    const response = await fetch(`${baseURL}/api/auth/callback/credentials`);
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ error: "Log in with the form at /login." });
  });

  it("refuse a wrong password", async () => {
    const user = await createUser(serverDb, { password: "a long enough password 3" });
    await expect(loginCookie(user.username, "not the password")).rejects.toThrow(/login as .* failed/);
  });
});
