import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { OUTBOX_DIR, siteUrl } from "@/lib/config";
import { POST as signup } from "@/app/api/account/signup/route";
import { POST as confirm } from "@/app/api/account/confirm/route";
import { authenticate } from "@/lib/accounts/login";
import { signupSchema } from "@/lib/accounts/schema";
import { signUp } from "@/lib/accounts/signup";
import { updateSiteSettings } from "@/lib/settings/queries";
import { sha256Hex } from "@/lib/text";
import { createUser, uniqueName } from "../helpers/factories";
import { postJson, randomIp } from "../helpers/json-request";
import { mailTo, waitForMail } from "../helpers/mailbox";

const PASSWORD = "a fine long passphrase";

function newReader(username = uniqueName("reader")) {
  return { username, email: `${username.toLowerCase()}@example.org`, password: PASSWORD };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Signs up through the lib, waits for the mail to be written, and returns the confirmation link's token. */
async function mailedToken(reader: { username: string; email: string; password: string }, count = 1): Promise<string> {
  const { delivered } = await signUp(reader, randomIp());
  await delivered;
  const mail = await waitForMail(reader.email, { count, dir: OUTBOX_DIR });
  const link = mail.text.match(/https?:\/\/\S+\/signup\/confirm\?token=(\S+)/);
  if (!link) throw new Error(`no confirmation link in: ${mail.text}`);
  return decodeURIComponent(link[1]!);
}

async function confirmWith(token: string) {
  const response = await postJson(confirm, { token });
  return { status: response.status, body: await response.json() };
}

/** What a sign-up tells the asker: status, headers but the date, and the body's bytes. */
async function answerTo(body: unknown) {
  const response = await postJson(signup, body);
  const headers = [...response.headers].filter(([name]) => name !== "date");
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString("hex") };
}

const loginFailure = (username: string, password = PASSWORD) =>
  authenticate({ username, password }, randomIp()).then(
    () => "logged in",
    (error: Error) => error.message,
  );

describe("signing up", () => {
  it("answers a new address and one with an account byte for byte the same, and tells only the owner", async () => {
    const owner = await createUser(db);
    const fresh = newReader();
    const answers = [await answerTo(fresh), await answerTo({ ...newReader(), email: owner.email.toUpperCase() })];
    expect(answers[0]!.status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);

    const confirmation = await waitForMail(fresh.email, { dir: OUTBOX_DIR });
    expect(confirmation.subject).toBe("Confirm your Quire account");
    const note = await waitForMail(owner.email, { dir: OUTBOX_DIR });
    expect(note.subject).toBe("Someone tried to sign up to Quire with your email address");
    expect(note.text).toContain(`${siteUrl()}/login`);
    expect(note.text).toContain(`${siteUrl()}/forgot-password`);
    expect(note.text).not.toMatch(/token=/);
    // The owner's account is as it was, and no second account or sign-up waits for the address.
    expect(await db.user.count({ where: { email: owner.email } })).toBe(1);
    expect(await db.pendingSignup.count({ where: { email: owner.email } })).toBe(0);
    expect(await loginFailure(owner.username, "correct horse battery staple")).toBe("logged in");
  });

  it("creates the reader only when the emailed link is used, and stores an argon2id hash, never the password", async () => {
    const reader = newReader(uniqueName("Mixed_"));
    const response = await postJson(signup, { ...reader, email: `  ${reader.email.toUpperCase()} ` });
    expect(response.status).toBe(202);
    await waitForMail(reader.email, { dir: OUTBOX_DIR });
    expect(await db.user.count({ where: { email: reader.email } })).toBe(0);
    // Before the link, the sign-up fails to log in exactly as an unknown name does.
    expect(await loginFailure(reader.username)).toBe("Incorrect username or password.");
    expect(await loginFailure(reader.email)).toBe(await loginFailure(uniqueName("nobody")));

    const mail = (await mailTo(reader.email, OUTBOX_DIR))[0]!;
    const token = decodeURIComponent(mail.text.match(/\/signup\/confirm\?token=(\S+)/)![1]!);
    expect(mail.html).toContain(`href="${siteUrl()}/signup/confirm?token=`);
    const done = await confirmWith(token);
    expect(done).toEqual({
      status: 201,
      body: {
        message: `Your account ${reader.username} is ready. Log in with your username and password.`,
        user: expect.any(Object),
      },
    });
    const stored = (await db.user.findUnique({ where: { email: reader.email } }))!;
    expect(stored).toMatchObject({ id: done.body.user.id, username: reader.username, role: "READER" });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await loginFailure(reader.username)).toBe("logged in");
    expect(await db.pendingSignup.count({ where: { email: reader.email } })).toBe(0);
  });

  it("mails a link on SITE_URL with a token of at least 128 bits, of which only the SHA-256 is stored, for 24 hours", async () => {
    const reader = newReader();
    const token = await mailedToken(reader);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const stored = await db.pendingSignup.findUniqueOrThrow({ where: { email: reader.email } });
    expect(stored.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(Math.round((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000)).toBe(24);
  });

  it("builds the link from SITE_URL even when the request forges Host or X-Forwarded-Host", async () => {
    const reader = newReader();
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect((await postJson(signup, reader, { headers: forged })).status).toBe(202);
    const mail = await waitForMail(reader.email, { dir: OUTBOX_DIR });
    expect(mail.text).toContain(`${siteUrl()}/signup/confirm?token=`);
    expect(mail.text + mail.html).not.toContain("evil.example");
  });

  it("may be repeated: each sign-up sends a new link, voids the one before, and the latest one's choices win", async () => {
    const first = newReader();
    const second = { ...newReader(), email: first.email, password: "the second passphrase" };
    const firstToken = await mailedToken(first, 1);
    const secondToken = await mailedToken(second, 2);
    expect(firstToken).not.toBe(secondToken);
    expect(await db.pendingSignup.count({ where: { email: first.email } })).toBe(1);
    expect((await confirmWith(firstToken)).body.error).toMatch(/newer sign-up replaced it/);
    expect((await confirmWith(secondToken)).status).toBe(201);
    expect(await loginFailure(second.username, "the second passphrase")).toBe("logged in");
    expect(await loginFailure(first.username)).toBe("Incorrect username or password.");
  });

  it("refuses a used, expired, forged, truncated or lengthened link, and creates nothing with it", async () => {
    const reader = newReader();
    const token = await mailedToken(reader);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [flipped, token.slice(0, -4), token.slice(0, 20), `${token}x`, "not-a-token", sha256Hex(token)]) {
      expect(await confirmWith(bad), bad).toEqual({ status: 400, body: { error: expect.stringMatching(/not valid/) } });
    }
    expect(await db.user.count({ where: { email: reader.email } })).toBe(0);

    await db.pendingSignup.update({ where: { email: reader.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmWith(token)).toEqual({ status: 400, body: { error: expect.stringMatching(/has expired/) } });
    expect(await db.user.count({ where: { email: reader.email } })).toBe(0);

    await db.pendingSignup.update({ where: { email: reader.email }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await confirmWith(token)).status).toBe(201);
    const used = await confirmWith(token);
    expect(used).toEqual({ status: 400, body: { error: expect.stringMatching(/used already/) } });
    expect(await db.user.count({ where: { email: reader.email } })).toBe(1);
  });

  it("confirms only the sign-up the link was sent for, whatever else the request names", async () => {
    const mine = newReader();
    const theirs = newReader();
    const myToken = await mailedToken(mine);
    const theirToken = await mailedToken(theirs);
    const response = await postJson(confirm, { token: myToken, email: theirs.email, username: theirs.username });
    expect(response.status).toBe(201);
    expect(await db.user.count({ where: { email: theirs.email } })).toBe(0);
    expect(await db.user.count({ where: { email: mine.email } })).toBe(1);
    expect((await confirmWith(theirToken)).status).toBe(201);
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const reader = newReader();
    const token = await mailedToken(reader);
    const results = await Promise.all([confirmWith(token), confirmWith(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(await db.user.count({ where: { email: reader.email } })).toBe(1);
  });

  it("makes no account when the username was taken while the link waited, and spends the link", async () => {
    const username = uniqueName("wanted");
    const early = { ...newReader(username), email: `${uniqueName("early")}@example.org` };
    const late = { ...newReader(username.toUpperCase()), email: `${uniqueName("late")}@example.org` };
    const lateToken = await mailedToken(late);
    expect((await confirmWith(await mailedToken(early))).status).toBe(201);
    const refused = await confirmWith(lateToken);
    expect(refused).toEqual({ status: 409, body: { error: expect.stringMatching(/took your username/) } });
    expect(await db.user.count({ where: { email: late.email } })).toBe(0);
    expect((await confirmWith(lateToken)).status).toBe(400);
  });

  it("refuses a taken username in any case, at once and whatever the address, naming only that field", async () => {
    const taken = await createUser(db, { username: uniqueName("Taken_") });
    for (const email of [`${uniqueName("fresh")}@example.org`, taken.email]) {
      const response = await postJson(signup, { ...newReader(taken.username.toLowerCase()), email });
      expect(response.status, email).toBe(409);
      expect(await response.json(), email).toEqual({
        error: "Please choose a different username.",
        fields: { username: ["That username is taken. Please choose another."] },
      });
    }
    expect(await db.pendingSignup.count({ where: { username: taken.username.toLowerCase() } })).toBe(0);
  });

  it("reports every broken rule at once, in words a person can act on", async () => {
    const response = await postJson(signup, { username: "a!", email: "not-an-address", password: "short" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields.username).toEqual(["Use at least 3 characters", "Use only letters a–z, digits, _ and -"]);
    expect(body.fields.email).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(body.fields.password).toEqual(["Use at least 10 characters"]);
    expect(await db.pendingSignup.count({ where: { email: "not-an-address" } })).toBe(0);
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
    expect((await confirmWith(await mailedToken(reader))).status).toBe(201);
    expect(await loginFailure(reader.username, long)).toBe("logged in");
    expect(await loginFailure(reader.username, long.trim())).toBe("Incorrect username or password.");
    const tooLong = await postJson(signup, { ...newReader(), password: `${long}x` });
    expect((await tooLong.json()).fields.password).toEqual(["Use at most 128 characters"]);
  });

  it("is throttled per address with a 429 that says when to try again, and lets the address in after the window", async () => {
    await updateSiteSettings({ signupRateLimitPerIp: { max: 2, windowSeconds: 3600 } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-01T10:00:00Z"));
    const ip = randomIp();
    expect((await postJson(signup, newReader(), { ip })).status).toBe(202);
    expect((await postJson(signup, newReader(), { ip })).status).toBe(202);
    vi.setSystemTime(new Date("2031-03-01T10:40:00Z"));
    const blocked = await postJson(signup, newReader(), { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("1200");
    expect((await blocked.json()).error).toBe("Too many attempts. Please try again in 20 minutes.");
    expect((await postJson(signup, newReader(), { ip: randomIp() })).status).toBe(202);

    vi.setSystemTime(new Date("2031-03-01T11:00:00Z"));
    expect((await postJson(signup, newReader(), { ip })).status).toBe(202);
  });

  it("is throttled per email address, whichever address the attempts come from, for taken and new addresses alike", async () => {
    await updateSiteSettings({ signupRateLimitPerEmail: { max: 2, windowSeconds: 3600 } });
    const owner = await createUser(db);
    for (const email of [`${uniqueName("probe")}@example.org`, owner.email]) {
      for (let i = 0; i < 2; i++) expect((await postJson(signup, { ...newReader(), email })).status).toBe(202);
      const blocked = await postJson(signup, { ...newReader(), email });
      expect(blocked.status, email).toBe(429);
      // Windows are aligned to the clock: in an hour's last minute the wait is in seconds.
      expect((await blocked.json()).error).toMatch(/^Too many attempts\. Please try again in \d+ (seconds?|minutes?)\.$/);
    }
  });

  it("never writes the token or the password to the server log", async () => {
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const reader = newReader();
    const token = await mailedToken(reader);
    await confirmWith(token);
    await confirmWith(token);
    expect(logged.some((line) => line.includes("outbox"))).toBe(true);
    const secrets = [token, encodeURIComponent(token), PASSWORD];
    expect(logged.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
