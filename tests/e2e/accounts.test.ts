import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { createUser, uniqueName } from "../helpers/factories";
import { waitForMail } from "../helpers/mailbox";
import { loginBrowser, loginCookie, postCredentials } from "../helpers/session";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
let browser: Browser;

// Every request in this file comes from 127.0.0.1: start and leave the
// per-address counters clean, so other files are not throttled by ours.
beforeAll(async () => {
  browser = await launchBrowser();
  await serverDb.rateLimit.deleteMany();
});
afterAll(async () => {
  await browser?.close();
  await serverDb.rateLimit.deleteMany();
  await serverDb.$disconnect();
});

async function headerUsername(page: Page): Promise<string> {
  return (await page.getByTestId("current-username").textContent({ timeout: 10_000 })) ?? "";
}

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel("Username or email", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
}

/** The link to `path` (with its ?token=) in an email's text. */
function linkIn(text: string, path: string): string {
  const link = text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no ${path} link in: ${text}`);
  return link;
}

const resetLinkIn = (text: string) => linkIn(text, "/reset-password");

describe("an account, from sign-up to a password reset", () => {
  it("signs up, confirms by email, logs in, out and in again, resets a forgotten password by email, and ends the older sessions", async () => {
    const username = uniqueName("Reader_");
    const email = `${username.toLowerCase()}@example.com`;
    const firstPassword = "my very first passphrase";
    const newPassword = "a completely new passphrase";
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();

    // Sign up: "check your inbox"; the emailed link makes the account, then the reader logs in.
    await page.goto("/signup");
    await page.getByLabel("Username", { exact: true }).fill(username);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(firstPassword);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Check your inbox").waitFor();
    expect(await page.getByTestId("current-username").count()).toBe(0);
    const confirmation = await waitForMail(email);
    expect(confirmation.subject).toBe("Confirm your Quire account");
    const confirmLink = linkIn(confirmation.text, "/signup/confirm");
    expect(confirmLink.startsWith(`${baseURL}/signup/confirm?token=`)).toBe(true);
    expect((await page.goto(confirmLink))?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await page.getByText(`Your account ${username} is ready.`).waitFor();
    await page.getByRole("link", { name: "Log in to your new account" }).click();
    await page.waitForURL("**/login");
    await fillLogin(page, username, firstPassword);
    await page.waitForURL(`${baseURL}/`);
    expect(await headerUsername(page)).toBe(username);

    // Log out, then log in again with the article page's login box.
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in", exact: true }).waitFor();
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" }, select: { slug: true } }))!;
    await page.goto(`/articles/${article.slug}`);
    const box = page.getByRole("region", { name: "Log in to post under your own name" });
    expect(await box.getByRole("link", { name: "Forgot your password?" }).count()).toBe(1);
    expect(await box.getByRole("link", { name: "Sign up" }).count()).toBe(1);
    await fillLogin(page, username, firstPassword);
    expect(await headerUsername(page)).toBe(username);
    expect(page.url()).toBe(`${baseURL}/articles/${article.slug}`);
    await page.getByText("You are logged in as").waitFor();

    // Another browser, logged in before the reset.
    const earlier = await browser.newContext({ baseURL });
    await loginBrowser(earlier, username, firstPassword);
    const earlierPage = await earlier.newPage();
    await earlierPage.goto("/");
    expect(await headerUsername(earlierPage)).toBe(username);

    // Forgot password, in a fresh browser: the mail arrives at the SMTP server.
    const recovery = await browser.newContext({ baseURL });
    const recoveryPage = await recovery.newPage();
    await recoveryPage.goto("/login");
    await recoveryPage.getByRole("link", { name: "Forgot your password?" }).click();
    await recoveryPage.waitForURL("**/forgot-password");
    await recoveryPage.getByLabel("Email", { exact: true }).fill(email);
    await recoveryPage.getByRole("button", { name: "Send me a reset link" }).click();
    await recoveryPage.getByText("If an account uses that email address").waitFor();
    const mail = await waitForMail(email, { count: 2 });
    expect(mail.subject).toBe("Reset your Quire password");
    expect(mail.html).toContain("<a href=");
    const link = resetLinkIn(mail.text);
    expect(link.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);

    // Follow the link and set a new password; the page sends no Referer anywhere.
    const resetResponse = await recoveryPage.goto(link);
    expect(resetResponse?.headers()["referrer-policy"]).toBe("no-referrer");
    await recoveryPage.getByLabel("New password", { exact: true }).fill(newPassword);
    await recoveryPage.getByRole("button", { name: "Set new password" }).click();
    await recoveryPage.getByText("Your password has been changed").waitFor();
    await recoveryPage.getByRole("link", { name: "Log in with your new password" }).click();
    await recoveryPage.waitForURL("**/login");

    // The old password fails; the new one works.
    await fillLogin(recoveryPage, username, firstPassword);
    await recoveryPage.getByText("Incorrect username or password.").waitFor();
    await fillLogin(recoveryPage, username, newPassword);
    await recoveryPage.waitForURL(`${baseURL}/`);
    expect(await headerUsername(recoveryPage)).toBe(username);

    // The link works once.
    await recoveryPage.goto(link);
    await recoveryPage.getByLabel("New password", { exact: true }).fill("one more new passphrase");
    await recoveryPage.getByRole("button", { name: "Set new password" }).click();
    await recoveryPage.getByText("This reset link has already been used").waitFor();

    // Sessions opened before the reset are over.
    await earlierPage.reload();
    await earlierPage.getByRole("link", { name: "Log in", exact: true }).waitFor();
    expect(await earlierPage.getByTestId("current-username").count()).toBe(0);
    expect(await (await earlier.request.get("/api/account/me")).json()).toEqual({ user: null });

    for (const c of [context, earlier, recovery]) await c.close();
  });
});

/** A POST with headers fetch() would not let us forge (Host). */
function rawPost(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; location?: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-length": Buffer.byteLength(body), ...headers },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("attacks on the account flows", () => {
  it("mails a reset link on SITE_URL even when the request forges Host or X-Forwarded-Host", async () => {
    const user = await createUser(serverDb);
    const body = JSON.stringify({ email: user.email });
    const forgeries: Record<string, string>[] = [
      { host: "evil.example" },
      { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    ];
    for (const [i, forged] of forgeries.entries()) {
      const answer = await rawPost("/api/account/forgot", body, { "content-type": "application/json", ...forged });
      expect(answer.status).toBe(202);
      const mail = await waitForMail(user.email, { count: i + 1 });
      expect(resetLinkIn(mail.text).startsWith(`${baseURL}/reset-password?token=`)).toBe(true);
      expect(mail.text + mail.html).not.toContain("evil.example");
    }
  });

  it("lands on this site after a login whose callbackUrl points elsewhere", async () => {
    const user = await createUser(serverDb, { password: "callback test passphrase" });
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
    await fillLogin(page, user.username, "callback test passphrase");
    await page.waitForURL(`${baseURL}/`);
    expect(await headerUsername(page)).toBe(user.username);
    await context.close();

    // The same through next-auth's own form POST.
    for (const callbackUrl of ["https://evil.example/", "//evil.example/path", "/\\evil.example"]) {
      const answer = await postCredentials({ username: user.username, password: "callback test passphrase", callbackUrl });
      const location = answer.headers.get("location") ?? "";
      expect(new URL(location, baseURL).origin, callbackUrl).toBe(baseURL);
    }
  });

  it("answers a wrong password and an unknown user with the same failure, shown on the login page", async () => {
    const user = await createUser(serverDb, { password: "the right passphrase" });
    const failures = [];
    for (const [username, password] of [
      [user.username, "the wrong passphrase"],
      [uniqueName("nobody"), "the right passphrase"],
    ]) {
      const answer = await postCredentials({ username: username!, password: password!, callbackUrl: "/" });
      failures.push({
        status: answer.status,
        location: answer.headers.get("location"),
        session: answer.headers.getSetCookie().some((c) => c.includes("session-token")),
      });
    }
    expect(failures[0]).toEqual(failures[1]);
    expect(failures[0]!.session).toBe(false);

    const page = await browser.newPage({ baseURL });
    await page.goto(new URL(failures[0]!.location!, baseURL).href);
    expect(await page.getByText("Incorrect username or password.").count()).toBe(1);
    // A link carrying its own "error" text cannot make the page say it.
    await page.goto(`/login?error=${encodeURIComponent("Your account is locked. Call +1 555 0100.")}`);
    expect(await page.getByText("Call +1 555 0100").count()).toBe(0);
    expect(await page.getByText("We could not log you in. Please try again.").count()).toBe(1);
    await page.close();
  });

  it("never answers bad input to the login endpoint with a server error", async () => {
    const form = (fields: Record<string, string>) => (csrfToken: string) =>
      new URLSearchParams({ csrfToken, ...fields }).toString();
    const attempts: [string, string, (csrfToken: string) => string, number][] = [
      // next-auth's own answer: back to the login page with a message.
      ["missing fields", "application/x-www-form-urlencoded", form({}), 302],
      ["a 1 MB password", "application/x-www-form-urlencoded", form({ username: "reader", password: "x".repeat(1 << 20) }), 413],
      ["JSON", "application/json", (csrfToken) => JSON.stringify({ csrfToken, username: "reader", password: "x" }), 415],
      ["invalid JSON", "application/json", () => "{", 415],
      ["plain text", "text/plain", () => "hello", 415],
    ];
    for (const [name, contentType, body, status] of attempts) {
      const answer = await postCredentials({}, { contentType, body });
      expect(answer.status, name).toBe(status);
      if (status === 302) expect(answer.headers.get("location"), name).toMatch(/error=Enter%20your%20username/);
      else expect((await answer.json()).error, name).toMatch(/\w+ \w+/);
    }
  });
});

describe("account pages", () => {
  it("serve the article page's login box identically to a guest and to a logged-in reader", async () => {
    const user = await createUser(serverDb, { password: "same page passphrase" });
    const cookie = await loginCookie(user.username, "same page passphrase");
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" }, select: { slug: true } }))!;
    const box = (html: string) => html.match(/<section class="login-box"[\s\S]*?<\/section>/)?.[0];
    const guest = await fetch(`${baseURL}/articles/${article.slug}`);
    const reader = await fetch(`${baseURL}/articles/${article.slug}`, { headers: { cookie } });
    const [guestHtml, readerHtml] = [await guest.text(), await reader.text()];
    expect(box(guestHtml)).toBeDefined();
    expect(box(readerHtml)).toBe(box(guestHtml));
    expect(readerHtml).not.toContain(user.username);
    expect(reader.headers.get("set-cookie")).toBeNull();
  });

  it("load the 10,000 common passwords on the sign-up page only, not with every article's login box", async () => {
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" }, select: { slug: true } }))!;
    const shipsList = async (path: string) => {
      const html = await (await fetch(`${baseURL}${path}`)).text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
      const sources = await Promise.all(scripts.map(async (src) => (await fetch(new URL(src, baseURL))).text()));
      return sources.some((source) => source.includes("qwertyuiop"));
    };
    expect(await shipsList("/signup")).toBe(true);
    expect(await shipsList(`/articles/${article.slug}`)).toBe(false);
  });

  it("keep the username, never the password, after a refused login, and log out from /login as well as the header", async () => {
    const user = await createUser(serverDb, { password: "kept username passphrase" });
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await fillLogin(page, user.username, "not the passphrase");
    await page.getByText("Incorrect username or password.").waitFor();
    expect(await page.getByLabel("Username or email", { exact: true }).inputValue()).toBe(user.username);
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");

    await fillLogin(page, user.username, "kept username passphrase");
    await page.waitForURL(`${baseURL}/`);
    expect(await headerUsername(page)).toBe(user.username);
    await page.goto("/login");
    await page.getByRole("heading", { name: "You are logged in" }).waitFor();
    await page.getByRole("main").getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${baseURL}/`);
    await page.getByRole("link", { name: "Log in", exact: true }).waitFor();
    expect(await (await context.request.get("/api/account/me")).json()).toEqual({ user: null });
    await context.close();
  });

  it("pass axe, also while showing every field error", async () => {
    const page = await browser.newPage({ baseURL });
    for (const path of [
      "/signup",
      "/signup/confirm?token=abc",
      "/signup/confirm",
      "/login",
      "/forgot-password",
      "/reset-password?token=abc",
      "/reset-password",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
    }
    await page.goto("/signup");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Sign up" }).click();
    const password = page.getByLabel("Password", { exact: true });
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby"))!.split(" ");
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(" ")).toContain("Use at least 10 characters");
    expect(await page.getByText("Choose a username").count()).toBe(1);
    expect(await page.getByText("Enter your email address").count()).toBe(1);
    expect(await page.locator("[aria-live]").getByText("Please correct the highlighted fields.").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("username");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
