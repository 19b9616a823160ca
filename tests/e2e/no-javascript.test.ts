import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { createArticle, createUser, uniqueName } from "../helpers/factories";
import { createTrustedReader } from "../helpers/posts";
import { waitForMail } from "../helpers/mailbox";
import { loginCookie } from "../helpers/session";
import { clearRateLimits } from "../helpers/site-settings";
import { guestPost, notice, publicPostNumber } from "./moderation-helpers";

// Every form, with JavaScript turned off: each answer is a full page load
// (the server's rendering of the action's result, or its redirect), so each
// step waits for the new page, never racing it.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const contexts: BrowserContext[] = [];
let browser: Browser;
let editorId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  editorId = (await createUser(serverDb, { role: "EDITOR" })).id;
  await serverDb.rateLimit.deleteMany();
});
afterAll(async () => {
  await browser?.close();
  await clearRateLimits(serverDb, "comment:");
  // Leave the shared server's threads as the seed made them, for the next file.
  await serverDb.article.deleteMany({ where: { authorId: editorId } });
  await serverDb.rateLimit.deleteMany();
  await serverDb.$disconnect();
});

async function scriptlessPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

/** Who the server thinks this browser is: its session cookie, asked of /api/account/me. */
async function signedInAs(page: Page): Promise<string | null> {
  const answer = (await (await page.context().request.get("/api/account/me")).json()) as { user: { username: string } | null };
  return answer.user?.username ?? null;
}

async function fillLogin(scope: Page | Locator, username: string, password: string) {
  await scope.getByLabel("Username or email", { exact: true }).fill(username);
  await scope.getByLabel("Password", { exact: true }).fill(password);
  await scope.getByRole("button", { name: "Log in", exact: true }).click();
}

/** A field's error messages, read through its aria-describedby as a screen reader would. */
async function describedErrors(page: Page, label: string): Promise<string[]> {
  const ids = ((await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const lists = ids.map((id) => page.locator(`[id="${id}"].field-error li`));
  return (await Promise.all(lists.map((list) => list.allTextContents()))).flat();
}

describe("accounts without JavaScript", () => {
  it("sign up: every field's problems at once, then the emailed link's button makes the account, and it logs in", async () => {
    const page = await scriptlessPage();
    const username = uniqueName("NoScript_");
    await page.goto("/signup");
    await page.getByLabel("Username", { exact: true }).fill("A!");
    await page.getByLabel("Email", { exact: true }).fill("not an address");
    await page.getByLabel("Password", { exact: true }).fill("Zq9-short");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Please correct the highlighted fields.").waitFor();
    expect(await describedErrors(page, "Username")).toEqual([
      "Use at least 3 characters",
      "Use only letters a–z, digits, _ and -",
    ]);
    expect(await describedErrors(page, "Email")).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(await describedErrors(page, "Password")).toEqual(["Use at least 10 characters"]);
    // What was typed comes back, except the password, which is never sent back.
    expect(await page.getByLabel("Username", { exact: true }).inputValue()).toBe("A!");
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");
    expect(await page.content()).not.toContain("Zq9-short");

    await page.getByLabel("Username", { exact: true }).fill(username);
    await page.getByLabel("Email", { exact: true }).fill(`${username.toLowerCase()}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("signed up without scripts");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Check your inbox").waitFor();
    expect(await signedInAs(page)).toBeNull();

    const mail = await waitForMail(`${username.toLowerCase()}@example.com`);
    const opened = await page.goto(mail.text.match(/https?:\/\/\S+\/signup\/confirm\?token=\S+/)![0]);
    expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
    // Opening the link (as a mail scanner would) makes nothing; the button does.
    expect(await serverDb.user.count({ where: { username } })).toBe(0);
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await page.getByText(`Your account ${username} is ready.`).waitFor();
    await page.getByRole("link", { name: "Log in to your new account" }).click();
    await page.waitForURL("**/login");
    await fillLogin(page, username, "signed up without scripts");
    await page.waitForURL(`${baseURL}/`);
    expect(await signedInAs(page)).toBe(username);
  });

  it("log in on /login and go back where the link said, log out there, with next-auth's own cookie", async () => {
    const user = await createUser(serverDb, { password: "scriptless login passphrase" });
    const page = await scriptlessPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/facts")}`);
    await fillLogin(page, user.username, "not the passphrase");
    await page.getByText("Incorrect username or password.").waitFor();
    expect(await page.getByLabel("Username or email", { exact: true }).inputValue()).toBe(user.username);
    expect(await signedInAs(page)).toBeNull();

    await fillLogin(page, user.username, "scriptless login passphrase");
    await page.waitForURL(`${baseURL}/facts`);
    expect(await signedInAs(page)).toBe(user.username);
    // The cookie next-auth itself would have set, read by next-auth itself.
    const [session] = (await page.context().cookies()).filter((c) => c.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const nextAuthSession = (await (await page.context().request.get("/api/auth/session")).json()) as {
      user?: { name?: string };
    };
    expect(nextAuthSession.user?.name).toBe(user.username);

    // The shared header cannot know who is reading without script; /login can.
    await page.goto("/login");
    await page.getByRole("heading", { name: "You are logged in" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${baseURL}/`);
    expect(await signedInAs(page)).toBeNull();
    expect((await page.context().cookies()).some((c) => c.name === "next-auth.session-token")).toBe(false);
  });

  it("reset a forgotten password through the emailed link; the old password then fails", async () => {
    const user = await createUser(serverDb, { password: "the forgotten passphrase" });
    const page = await scriptlessPage();
    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await page.getByText("If an account uses that email address").waitFor();
    const mail = await waitForMail(user.email);
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0];

    const opened = await page.goto(link);
    expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("Use at least 10 characters").waitFor();
    await page.getByLabel("New password", { exact: true }).fill("a remembered passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("Your password has been changed").waitFor();

    await page.getByRole("link", { name: "Log in with your new password" }).click();
    await page.waitForURL("**/login");
    await fillLogin(page, user.username, "a remembered passphrase");
    await page.waitForURL(`${baseURL}/`);
    expect(await signedInAs(page)).toBe(user.username);
    await expect(loginCookie(user.username, "the forgotten passphrase")).rejects.toThrow(/failed/);
  });
});

describe("the discussion and moderation without JavaScript", () => {
  it("log in with the box under an article, land back on it, and post there under one's own name", async () => {
    const lobby = await createArticle(serverDb, { authorId: editorId });
    const article = await createArticle(serverDb, { authorId: editorId });
    const user = await createTrustedReader(serverDb, lobby.id, { password: "login box passphrase" });
    const page = await scriptlessPage();
    await page.goto(`/articles/${article.slug}`);
    await fillLogin(
      page.getByRole("region", { name: "Log in to post under your own name" }),
      user.username,
      "login box passphrase",
    );
    await page.waitForURL(`${baseURL}/articles/${article.slug}`);
    expect(await signedInAs(page)).toBe(user.username);

    await page.getByRole("textbox", { name: "Your comment", exact: true }).fill("Logged in and posted, no scripts at all.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await page.waitForURL(`**/articles/${article.slug}#post-1`);
    expect(await page.locator("#post-1").textContent()).toContain("Logged in and posted, no scripts at all.");
    expect(await page.locator("#post-1 .post__poster").textContent()).toBe(user.username);
  });

  it("a moderator logs in and approves a guest's post from the queue; readers see it", async () => {
    const article = await createArticle(serverDb, { authorId: editorId });
    const post = await guestPost(serverDb, article.id);
    const moderator = await createUser(serverDb, { role: "MODERATOR", password: "scriptless moderator passphrase" });
    const page = await scriptlessPage();
    await page.goto("/moderate");
    await page.waitForURL("**/login?callbackUrl=**");
    await fillLogin(page, moderator.username, "scriptless moderator passphrase");
    await page.waitForURL(`${baseURL}/moderate`);

    const item = page.locator("[data-queue-item]").filter({ hasText: post.body });
    await item.getByRole("button", { name: "Approve" }).click();
    await notice(page, "Post approved.");
    expect(await page.locator("[data-queue-item]").filter({ hasText: post.body }).count()).toBe(0);
    const stored = await serverDb.comment.findUniqueOrThrow({ where: { id: post.id } });
    expect(stored.status).toBe("APPROVED");
    expect(await publicPostNumber(await scriptlessPage(), article.slug, post.body)).toBe(stored.number);
  });
});
