import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authenticate, describeLoginError } from "@/lib/accounts/login";
import { roleAllows } from "@/lib/auth/roles";
import { callbackPathOnThisSite, safeCallbackPath } from "@/lib/auth/callback-url";
import { updateSiteSettings } from "@/lib/settings/queries";
import { createUser, uniqueName } from "../helpers/factories";
import { randomIp } from "../helpers/json-request";

const PASSWORD = "a fine long passphrase";

/** callbackUrl values that try to leave the site: each must land on a page of it. */
const OPEN_REDIRECTS = [
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "https:evil.example",
  "http:\\\\evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://quire.example.evil.example/",
  "https://quire.example@evil.example/",
  "/\t/evil.example",
  " //evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/%2F%2Fevil.example",
  "https://quire.example//evil.example",
  "/\r\nLocation: https://evil.example",
];

afterEach(() => {
  vi.useRealTimers();
});

async function failure(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("logging in", () => {
  it("gives a wrong password and an unknown user the very same failure", async () => {
    const user = await createUser(db, { password: PASSWORD });
    const wrongPassword = await failure(authenticate({ username: user.username, password: "not the password" }, randomIp()));
    const unknownUser = await failure(authenticate({ username: uniqueName("nobody"), password: PASSWORD }, randomIp()));
    expect(wrongPassword).toBeInstanceOf(Error);
    expect(unknownUser).toBeInstanceOf(Error);
    for (const error of [wrongPassword, unknownUser]) {
      expect(error).toMatchObject({ message: "Incorrect username or password.", status: 401, name: "LoginFailed" });
    }
  });

  it("accepts the username in any case, or the email address", async () => {
    const user = await createUser(db, { password: PASSWORD });
    await expect(authenticate({ username: user.username.toUpperCase(), password: PASSWORD }, randomIp())).resolves.toMatchObject({
      id: user.id,
    });
    await expect(authenticate({ username: user.email, password: PASSWORD }, randomIp())).resolves.toMatchObject({ id: user.id });
  });

  it("is throttled per account, even with the right password, and released when the window ends", async () => {
    await updateSiteSettings({ loginRateLimitPerAccount: { max: 3, windowSeconds: 900 } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-05-01T08:00:00Z"));
    const user = await createUser(db, { password: PASSWORD });
    for (let i = 0; i < 3; i++) {
      await expect(authenticate({ username: user.username, password: "guess number " + i }, randomIp())).rejects.toThrow(
        "Incorrect",
      );
    }
    await expect(authenticate({ username: user.username, password: PASSWORD }, randomIp())).rejects.toMatchObject({
      status: 429,
      message: "Too many attempts. Please try again in 15 minutes.",
    });
    vi.setSystemTime(new Date("2031-05-01T08:15:00Z"));
    await expect(authenticate({ username: user.username, password: PASSWORD }, randomIp())).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("is throttled per address across accounts", async () => {
    await updateSiteSettings({ loginRateLimitPerIp: { max: 2, windowSeconds: 900 } });
    const ip = randomIp();
    const user = await createUser(db, { password: PASSWORD });
    await expect(authenticate({ username: uniqueName(), password: PASSWORD }, ip)).rejects.toThrow("Incorrect");
    await expect(authenticate({ username: uniqueName(), password: PASSWORD }, ip)).rejects.toThrow("Incorrect");
    await expect(authenticate({ username: user.username, password: PASSWORD }, ip)).rejects.toMatchObject({ status: 429 });
    await expect(authenticate({ username: user.username, password: PASSWORD }, randomIp())).resolves.toBeDefined();
  });

  it("shows only Quire's own messages from a /login?error= link, never text someone put in it", () => {
    expect(describeLoginError("Incorrect username or password.")).toBe("Incorrect username or password.");
    expect(describeLoginError("Too many attempts. Please try again in 12 minutes.")).toBe(
      "Too many attempts. Please try again in 12 minutes.",
    );
    expect(describeLoginError("Your account is locked. Call +1 555 0100 to unlock it.")).toBe(
      "We could not log you in. Please try again.",
    );
    expect(describeLoginError("Too many attempts. Please try again in 5 minutes. Or visit evil.example")).toBe(
      "We could not log you in. Please try again.",
    );
    expect(describeLoginError(undefined)).toBeUndefined();
  });

  it("follows a callbackUrl only to a page on this site, however the link is written", () => {
    const base = "https://quire.example";
    expect(safeCallbackPath("/articles/why-is-the-sky-blue", base)).toBe(`${base}/articles/why-is-the-sky-blue`);
    expect(safeCallbackPath(`${base}/facts?page=2#top`, base)).toBe(`${base}/facts?page=2#top`);
    for (const evil of OPEN_REDIRECTS) {
      const target = safeCallbackPath(evil, base);
      expect(new URL(target).origin, JSON.stringify(evil)).toBe(base);
      // As a path (a Location or a link), it must not name a host either.
      expect(new URL(target).pathname, JSON.stringify(evil)).not.toMatch(/^\/\//);
    }
    for (const evil of OPEN_REDIRECTS) {
      const path = callbackPathOnThisSite(evil);
      expect(path, JSON.stringify(evil)).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, "https://anywhere.example").host, JSON.stringify(evil)).toBe("anywhere.example");
    }
  });
});

describe("roles", () => {
  it("let admins do everything, keep the other duties apart, and count everyone as a reader", () => {
    expect(roleAllows("ADMIN", "moderator")).toBe(true);
    expect(roleAllows("MODERATOR", "moderator")).toBe(true);
    expect(roleAllows("EDITOR", "moderator")).toBe(false);
    expect(roleAllows("READER", "moderator")).toBe(false);
    expect(roleAllows("READER", "reader")).toBe(true);
    expect(roleAllows("MODERATOR", "editor")).toBe(false);
  });
});
