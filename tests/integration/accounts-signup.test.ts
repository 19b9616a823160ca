import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { POST as signup } from "@/app/api/account/signup/route";
import { authenticate } from "@/lib/accounts/login";
import { signupSchema } from "@/lib/accounts/schema";
import { updateSiteSettings } from "@/lib/settings/queries";
import { uniqueName } from "../helpers/factories";
import { postJson, randomIp } from "../helpers/json-request";

const PASSWORD = "a fine long passphrase";

function newReader(username = uniqueName("reader")) {
  return { username, email: `${username.toLowerCase()}@example.org`, password: PASSWORD };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("signing up", () => {
  it("creates a reader who can then log in, and stores an argon2id hash, never the password", async () => {
    const reader = newReader();
    const response = await postJson(signup, { ...reader, email: `  ${reader.email.toUpperCase()} ` });
    expect(response.status).toBe(201);
    const { user } = await response.json();
    expect(user).toEqual({ id: expect.any(Number), username: reader.username });

    const stored = (await db.user.findUnique({ where: { id: user.id } }))!;
    expect(stored.role).toBe("READER");
    expect(stored.email).toBe(reader.email);
    expect(stored.passwordHash).not.toBe(PASSWORD);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(authenticate({ username: reader.username, password: PASSWORD }, randomIp())).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("treats usernames that differ only in case as the same, and answers 409 naming the field", async () => {
    const name = uniqueName("Mixed_");
    expect((await postJson(signup, newReader(name))).status).toBe(201);
    const again = await postJson(signup, { ...newReader(name.toLowerCase()), email: "someone-else@example.org" });
    expect(again.status).toBe(409);
    const body = await again.json();
    expect(body.error).toMatch(/different username or email/);
    expect(body.fields).toEqual({ username: ["That username is taken. Please choose another."] });
  });

  it("refuses a taken email address with a message that points its owner to recovery", async () => {
    const first = newReader();
    await postJson(signup, first);
    const response = await postJson(signup, { ...newReader(), email: first.email.toUpperCase() });
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(Object.keys(body.fields)).toEqual(["email"]);
    expect(body.fields.email[0]).toMatch(/log in or reset your password/);
    expect(body.fields.email[0]).not.toMatch(/already (has|have) an account/);
  });

  it("reports every broken rule at once, in words a person can act on", async () => {
    const response = await postJson(signup, { username: "a!", email: "not-an-address", password: "short" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields.username).toEqual(["Use at least 3 characters", "Use only letters a–z, digits, _ and -"]);
    expect(body.fields.email).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(body.fields.password).toEqual(["Use at least 10 characters"]);
    expect(await db.user.count({ where: { usernameKey: "a!" } })).toBe(0);
  });

  it("refuses a common password, and a password equal to the username or email in any case", async () => {
    const username = uniqueName("plainname");
    const cases = [
      { password: "Password123", message: /10,000 most common passwords/ },
      { password: "qwertyuiop", message: /10,000 most common passwords/ },
      { password: username.toUpperCase(), message: /username or email address/ },
      { password: `${username}@example.org`, message: /username or email address/ },
    ];
    for (const { password, message } of cases) {
      const response = await postJson(signup, { username, email: `${username}@example.org`, password });
      expect(response.status, password).toBe(400);
      const body = await response.json();
      expect(body.fields.password.join(" "), password).toMatch(message);
      // The browser runs the very same schema before sending anything.
      const inBrowser = signupSchema.safeParse({ username, email: `${username}@example.org`, password });
      expect(inBrowser.error?.issues.map((issue) => issue.message).join(" "), password).toMatch(message);
    }
  });

  it("accepts a 128-character password with spaces and symbols, unchanged, and refuses a longer one", async () => {
    const long = `${"correct horse battery staple ✓ ".repeat(5).slice(0, 127)} `;
    expect(long).toHaveLength(128);
    const reader = { ...newReader(), password: long };
    expect((await postJson(signup, reader)).status).toBe(201);
    await expect(authenticate({ username: reader.username, password: long }, randomIp())).resolves.toBeDefined();
    await expect(authenticate({ username: reader.username, password: long.trim() }, randomIp())).rejects.toThrow();
    const tooLong = await postJson(signup, { ...newReader(), password: `${long}x` });
    expect((await tooLong.json()).fields.password).toEqual(["Use at most 128 characters"]);
  });

  it("is throttled per address with a 429 that says when to try again, and lets the address in after the window", async () => {
    await updateSiteSettings({ signupRateLimitPerIp: { max: 2, windowSeconds: 3600 } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-01T10:00:00Z"));
    const ip = randomIp();
    expect((await postJson(signup, newReader(), { ip })).status).toBe(201);
    expect((await postJson(signup, newReader(), { ip })).status).toBe(201);
    vi.setSystemTime(new Date("2031-03-01T10:40:00Z"));
    const blocked = await postJson(signup, newReader(), { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("1200");
    expect((await blocked.json()).error).toBe("Too many attempts. Please try again in 20 minutes.");
    expect((await postJson(signup, newReader(), { ip: randomIp() })).status).toBe(201);

    vi.setSystemTime(new Date("2031-03-01T11:00:00Z"));
    expect((await postJson(signup, newReader(), { ip })).status).toBe(201);
  });

  it("is throttled per email address, whichever address the attempts come from", async () => {
    await updateSiteSettings({ signupRateLimitPerEmail: { max: 2, windowSeconds: 3600 } });
    const email = `${uniqueName("probe")}@example.org`;
    for (let i = 0; i < 2; i++) await postJson(signup, { ...newReader(), email });
    const blocked = await postJson(signup, { ...newReader(), email });
    expect(blocked.status).toBe(429);
    // Windows are aligned to the clock: in an hour's last minute the wait is in seconds.
    expect((await blocked.json()).error).toMatch(/^Too many attempts\. Please try again in \d+ (seconds?|minutes?)\.$/);
  });
});
