import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { OUTBOX_DIR, siteUrl } from "@/lib/config";
import { POST as forgot } from "@/app/api/account/forgot/route";
import { POST as reset } from "@/app/api/account/reset/route";
import { authenticate } from "@/lib/accounts/login";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { updateSiteSettings } from "@/lib/settings/queries";
import { sha256Hex } from "@/lib/text";
import { createUser, uniqueName } from "../helpers/factories";
import { postJson, randomIp } from "../helpers/json-request";
import { mailTo, waitForMail } from "../helpers/mailbox";

const OLD_PASSWORD = "the old passphrase";
const NEW_PASSWORD = "a brand new passphrase";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Asks for a reset link through the lib, waits for the mail to be written, and returns the link's token. */
async function mailedToken(email: string, count = 1): Promise<string> {
  const { delivered } = await requestPasswordReset({ email }, randomIp());
  await delivered;
  const mail = await waitForMail(email, { count, dir: OUTBOX_DIR });
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=(\S+)/);
  if (!link) throw new Error(`no reset link in: ${mail.text}`);
  return decodeURIComponent(link[1]!);
}

async function resetWith(token: string, password = NEW_PASSWORD) {
  const response = await postJson(reset, { token, password });
  return { status: response.status, body: await response.json() };
}

describe("asking for a reset link", () => {
  it("answers a known and an unknown address byte for byte the same, and mails only the known one", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const answers = [];
    const nobody = `${uniqueName("nobody")}@example.com`;
    for (const email of [user.email, nobody]) {
      const response = await postJson(forgot, { email });
      const headers = [...response.headers].filter(([name]) => name !== "date");
      answers.push({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString("hex") });
    }
    expect(answers[0]!.status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    const mail = await waitForMail(user.email, { dir: OUTBOX_DIR });
    expect(mail.subject).toBe("Reset your Quire password");
    expect(mail.html).toContain(`href="${siteUrl()}/reset-password?token=`);
    expect(await mailTo(nobody, OUTBOX_DIR)).toEqual([]);
  });

  it("mails a link on SITE_URL with a token of at least 128 bits, of which only the SHA-256 is stored", async () => {
    const user = await createUser(db);
    const token = await mailedToken(user.email);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const stored = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const minutes = (stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(60);
  });

  it("builds the link from SITE_URL even when the request forges Host or X-Forwarded-Host", async () => {
    const user = await createUser(db);
    const forged = {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      origin: "https://evil.example",
    };
    const crossSite = await postJson(forgot, { email: user.email }, { headers: forged });
    // A forged Origin is refused outright; without one, the request goes through...
    expect(crossSite.status).toBe(403);
    const { origin: _, ...headers } = forged;
    expect((await postJson(forgot, { email: user.email }, { headers })).status).toBe(202);
    // ...and the link still points at this site.
    const mail = await waitForMail(user.email, { dir: OUTBOX_DIR });
    expect(mail.text).toContain(`${siteUrl()}/reset-password?token=`);
    expect(mail.text + mail.html).not.toContain("evil.example");
  });

  it("is throttled per email address and per client address, for known and unknown addresses alike", async () => {
    await updateSiteSettings({
      forgotRateLimitPerEmail: { max: 2, windowSeconds: 3600 },
      forgotRateLimitPerIp: { max: 3, windowSeconds: 3600 },
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-07-01T12:00:00Z"));
    const user = await createUser(db);
    const unknown = `${uniqueName("nobody")}@example.com`;
    for (const email of [user.email, unknown]) {
      await postJson(forgot, { email });
      await postJson(forgot, { email });
      const blocked = await postJson(forgot, { email });
      expect(blocked.status, email).toBe(429);
      expect(blocked.headers.get("retry-after")).toBe("3600");
      expect((await blocked.json()).error).toBe("Too many attempts. Please try again in 60 minutes.");
    }
    const ip = randomIp();
    for (let i = 0; i < 3; i++)
      expect((await postJson(forgot, { email: `${uniqueName()}@example.com` }, { ip })).status).toBe(202);
    expect((await postJson(forgot, { email: `${uniqueName()}@example.com` }, { ip })).status).toBe(429);

    vi.setSystemTime(new Date("2031-07-01T13:00:00Z"));
    expect((await postJson(forgot, { email: user.email })).status).toBe(202);
    expect((await postJson(forgot, { email: `${uniqueName()}@example.com` }, { ip })).status).toBe(202);
  });
});

describe("resetting the password", () => {
  it("sets the new password, refuses the old one, ends every session and works only once", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    const done = await resetWith(token);
    expect(done.status).toBe(200);
    expect(done.body.message).toMatch(/Your password has been changed/);

    await expect(authenticate({ username: user.username, password: NEW_PASSWORD }, randomIp())).resolves.toMatchObject({
      id: user.id,
    });
    await expect(authenticate({ username: user.username, password: OLD_PASSWORD }, randomIp())).rejects.toThrow("Incorrect");
    const after = (await db.user.findUnique({ where: { id: user.id } }))!;
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after.passwordHash).not.toContain(NEW_PASSWORD);

    const reused = await resetWith(token, "yet another passphrase");
    expect(reused).toEqual({ status: 400, body: { error: expect.stringMatching(/already been used/) } });
    await expect(authenticate({ username: user.username, password: NEW_PASSWORD }, randomIp())).resolves.toBeDefined();

    const notice = await waitForMail(user.email, { count: 2, dir: OUTBOX_DIR });
    expect(notice.subject).toBe("Your Quire password was changed");
  });

  it("refuses an expired link and leaves the password alone", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resetWith(token)).toEqual({ status: 400, body: { error: expect.stringMatching(/has expired/) } });
    await expect(authenticate({ username: user.username, password: OLD_PASSWORD }, randomIp())).resolves.toBeDefined();
  });

  it("refuses a tampered, truncated, lengthened or made-up link", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const variants = [
      flipped,
      token.slice(0, -4),
      token.slice(0, 21),
      token.slice(1),
      `${token}x`,
      ` ${token}`,
      token.toUpperCase(),
    ];
    for (const bad of [...variants, "not-a-token", sha256Hex(token)]) {
      expect(await resetWith(bad), bad).toEqual({ status: 400, body: { error: expect.stringMatching(/not valid/) } });
    }
    expect((await resetWith(token)).status).toBe(200);
  });

  it("voids older links when a new one is asked for", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const first = await mailedToken(user.email, 1);
    const second = await mailedToken(user.email, 2);
    expect(first).not.toBe(second);
    expect((await resetWith(first)).body.error).toMatch(/newer one replaced it/);
    expect((await resetWith(second)).status).toBe(200);
  });

  it("changes only the account the link was sent to, whatever else the request names", async () => {
    const owner = await createUser(db, { password: OLD_PASSWORD });
    const other = await createUser(db, { password: OLD_PASSWORD });
    const otherToken = await mailedToken(other.email);
    const ownerToken = await mailedToken(owner.email);
    const response = await postJson(reset, {
      token: ownerToken,
      password: NEW_PASSWORD,
      username: other.username,
      email: other.email,
      userId: other.id,
    });
    expect(response.status).toBe(200);
    await expect(authenticate({ username: other.username, password: OLD_PASSWORD }, randomIp())).resolves.toMatchObject({
      id: other.id,
    });
    await expect(authenticate({ username: owner.username, password: NEW_PASSWORD }, randomIp())).resolves.toMatchObject({
      id: owner.id,
    });
    // The owner's reset spent nothing of the other reader's: their own link still works, for them only.
    expect((await resetWith(otherToken, "the other reader's new one")).status).toBe(200);
    await expect(authenticate({ username: owner.username, password: NEW_PASSWORD }, randomIp())).resolves.toMatchObject({
      id: owner.id,
    });
  });

  it("voids every outstanding link of the account once the password is reset", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    // A second live link, as a request racing the first could leave behind.
    const stray = "a-second-outstanding-token-of-this-account";
    await db.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256Hex(stray), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await resetWith(token)).status).toBe(200);
    expect((await resetWith(stray, "some other passphrase")).body.error).toMatch(/already been used/);
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const user = await createUser(db, { password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    const results = await Promise.all([resetWith(token, "first racer passphrase"), resetWith(token, "second racer passphrase")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const after = (await db.user.findUnique({ where: { id: user.id } }))!;
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("applies the password rules, including not reusing the username or email, and keeps the link usable", async () => {
    const user = await createUser(db, { username: uniqueName("longname"), password: OLD_PASSWORD });
    const token = await mailedToken(user.email);
    for (const [password, message] of [
      ["short", /at least 10 characters/],
      ["1q2w3e4r5t", /most common passwords/],
      [user.username.toUpperCase(), /username or email address/],
      [user.email, /username or email address/],
    ] as const) {
      const refused = await resetWith(token, password);
      expect(refused.status, password).toBe(400);
      expect(refused.body.fields.password.join(" "), password).toMatch(message);
    }
    expect((await resetWith(token)).status).toBe(200);
  });

  it("never writes the token to the server log", async () => {
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const user = await createUser(db, { password: OLD_PASSWORD });
    await postJson(forgot, { email: user.email });
    const mail = await waitForMail(user.email, { dir: OUTBOX_DIR });
    const token = decodeURIComponent(mail.text.match(/token=(\S+)/)![1]!);
    await resetWith(token);
    await resetWith(token);
    expect(logged.some((line) => line.includes("outbox"))).toBe(true);
    expect(logged.filter((line) => line.includes(token) || line.includes(encodeURIComponent(token)))).toEqual([]);
  });
});
