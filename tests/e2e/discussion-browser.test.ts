import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { createArticle, createUser } from "../helpers/factories";
import { createApprovedPost, createTrustedReader } from "../helpers/posts";
import { loginBrowser } from "../helpers/session";
import { waitForMail } from "../helpers/mailbox";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const PASSWORD = "discussion browser password";
const RAISED = { max: 100_000, windowSeconds: 60 };
let browser: Browser;
let restoreSettings: () => Promise<void>;
let editorId: number;
/** Where trusted readers' earlier, approved posts live. */
let lobbyId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  restoreSettings = await changeSiteSettings(serverDb, { commentRateLimitPerIp: RAISED, commentRateLimitPerUser: RAISED });
  editorId = (await createUser(serverDb, { role: "EDITOR" })).id;
  lobbyId = (await newArticle()).id;
});
afterAll(async () => {
  await browser?.close();
  await restoreSettings?.();
  await clearRateLimits(serverDb, "comment:");
  await clearRateLimits(serverDb, "report:");
  // Leave the shared server's threads as the seed made them, for the next file.
  await serverDb.article.deleteMany({ where: { authorId: editorId } });
  await serverDb.$disconnect();
});

async function newPage({ javaScript = true, as }: { javaScript?: boolean; as?: { username: string } } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: javaScript });
  contexts.push(context);
  if (as) await loginBrowser(context, as.username, PASSWORD);
  return context.newPage();
}

const newArticle = () => createArticle(serverDb, { authorId: editorId });

async function writeComment(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Your comment", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
}

/** Waits until the browser has asked who is reading (the form then names them). */
async function waitForViewer(page: Page, identity: RegExp) {
  await page.locator("#comment-form-identity").filter({ hasText: identity }).waitFor();
}

describe("posting in the browser", () => {
  it("a guest posts anonymously and sees the post awaiting moderation, which nobody else sees", async () => {
    const article = await newArticle();
    const page = await newPage();
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, /You are not logged in/);
    const anonymous = page.getByRole("checkbox", { name: "Post Anonymously" });
    expect([await anonymous.isChecked(), await anonymous.isDisabled()]).toEqual([true, true]);

    await writeComment(page, "A guest's thought, for the moderators first.");
    await page.getByRole("status").filter({ hasText: "Your post is awaiting moderation" }).waitFor();
    const pending = page.getByRole("list", { name: "Your posts awaiting moderation" }).getByRole("listitem");
    await pending.filter({ hasText: "A guest's thought" }).waitFor();
    expect(await pending.textContent()).toMatch(/Awaiting moderation\s*anon\d+/);
    expect(await page.getByRole("textbox", { name: "Your comment", exact: true }).inputValue()).toBe("");

    // Still there after a reload; not there for another reader, nor in the shared HTML.
    await page.reload();
    await pending.filter({ hasText: "A guest's thought" }).waitFor();
    const stranger = await newPage();
    await stranger.goto(`/articles/${article.slug}`);
    await waitForViewer(stranger, /You are not logged in/);
    expect(await stranger.getByText("A guest's thought").count()).toBe(0);
    const shared = await (await fetch(`${baseURL}/articles/${article.slug}`)).text();
    expect(shared).not.toContain("A guest's thought");
  });

  it("a signed-in user posts and sees the post at the top as the next Post N", async () => {
    const article = await newArticle();
    await createApprovedPost(serverDb, { articleId: article.id });
    await createApprovedPost(serverDb, { articleId: article.id });
    const user = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const page = await newPage({ as: user });
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, new RegExp(`Posting as ${user.username}`));
    expect(await page.getByRole("checkbox", { name: "Post Anonymously" }).isDisabled()).toBe(false);

    await writeComment(page, "Signed in and straight to the top.");
    await page.waitForURL(`**/articles/${article.slug}#post-3`);
    const top = page.locator("[data-post-number]").first();
    await top.filter({ hasText: "Signed in and straight to the top." }).waitFor();
    expect(await top.getAttribute("data-post-number")).toBe("3");
    expect(await top.locator(".post__poster").textContent()).toBe(user.username);
    expect(await page.getByRole("textbox", { name: "Your comment", exact: true }).inputValue()).toBe("");
  });

  it("links an @mention to the named poster's latest earlier post, emails them, and honours their opt-out", async () => {
    const article = await newArticle();
    const bob = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    await createApprovedPost(serverDb, { articleId: article.id, authorId: bob.id, body: "Bob's first point" });
    await createApprovedPost(serverDb, { articleId: article.id });
    await createApprovedPost(serverDb, { articleId: article.id, authorId: bob.id, body: "Bob's second point" });
    const writer = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const page = await newPage({ as: writer });
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, /Posting as/);

    await writeComment(page, `@${bob.username}-- I agree with your second point.`);
    await page.waitForURL("**#post-4");
    const mention = page.locator("#post-4").getByRole("link", { name: `@${bob.username}--` });
    expect(await mention.getAttribute("href")).toBe("#post-3");
    await mention.click();
    expect(page.url()).toMatch(/#post-3$/);
    expect(await page.locator("#post-3").textContent()).toContain("Bob's second point");

    const mail = await waitForMail(bob.email);
    expect(mail.subject).toBe(`${writer.username} mentioned you in “${article.title}”`);
    expect(mail.text).toContain(`${baseURL}/articles/${article.slug}/posts/1#post-4`);
    const optOut = /(http\S+\/account\/mentions\/unsubscribe\/\S+)/.exec(mail.text)![1]!;
    expect(optOut.startsWith(`${baseURL}/`)).toBe(true);
    // Mail programs get a one-click unsubscribe (RFC 8058) on this site too.
    const header = (name: string) => mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe(
      `List-Unsubscribe: <${baseURL}/api/account/mentions/unsubscribe/${bob.unsubscribeKey}>`,
    );
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // Opening the link only asks; the button turns the emails off.
    const inbox = await newPage({ javaScript: false });
    await inbox.goto(optOut);
    expect((await serverDb.user.findUniqueOrThrow({ where: { id: bob.id } })).mentionEmails).toBe(true);
    await inbox.getByRole("button", { name: "Stop mention emails" }).click();
    await inbox.getByText("you will no longer get an email when someone mentions you").waitFor();
    expect((await serverDb.user.findUniqueOrThrow({ where: { id: bob.id } })).mentionEmails).toBe(false);
  });

  it("turns mention emails off with a mail program's one-click unsubscribe, and only for a real key", async () => {
    const carol = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const url = `${baseURL}/api/account/mentions/unsubscribe/${carol.unsubscribeKey}`;
    const opened = await fetch(url, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`${baseURL}/account/mentions/unsubscribe/${carol.unsubscribeKey}`);
    expect((await serverDb.user.findUniqueOrThrow({ where: { id: carol.id } })).mentionEmails).toBe(true);

    const oneClick = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    };
    expect((await fetch(url, oneClick)).status).toBe(200);
    expect((await serverDb.user.findUniqueOrThrow({ where: { id: carol.id } })).mentionEmails).toBe(false);
    const forged = await fetch(`${baseURL}/api/account/mentions/unsubscribe/not-a-real-key-at-all`, oneClick);
    expect(forged.status).toBe(404);
    expect(((await forged.json()) as { error: string }).error).toMatch(/not valid/);
  });

  it("lets the author edit their post within the window, marked as edited, and nobody else", async () => {
    const article = await newArticle();
    const someone = await createApprovedPost(serverDb, { articleId: article.id, body: "Someone else's words" });
    const user = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const page = await newPage({ as: user });
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, /Posting as/);
    await writeComment(page, "Teh quick brown fox.");
    await page.waitForURL("**#post-2");

    const mine = page.locator("#post-2");
    await mine.getByRole("button", { name: "Edit" }).click();
    await mine.getByLabel("Edit your post").fill("The quick brown fox.");
    await mine.getByRole("button", { name: "Save changes" }).click();
    await mine.getByText("Your edit was saved.").waitFor();
    await mine
      .locator(".post__body")
      .filter({ hasText: /^The quick brown fox\.$/ })
      .waitFor();
    expect(await mine.locator(".post__edited").textContent()).toBe("(edited)");

    const theirs = page.locator(`#post-${someone.number}`);
    expect(await theirs.getByRole("button", { name: "Report" }).count()).toBe(1);
    expect(await theirs.getByRole("button", { name: "Edit" }).count()).toBe(0);

    // Once the window has passed, the controls are gone and the server refuses.
    await serverDb.comment.updateMany({
      where: { articleId: article.id, number: 2 },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    await page.reload();
    await waitForViewer(page, /Posting as/);
    expect(await mine.getByRole("button", { name: "Edit" }).count()).toBe(0);
  });

  it("lets a reader report a post once, with a reason", async () => {
    const article = await newArticle();
    const post = await createApprovedPost(serverDb, { articleId: article.id, body: "Something objectionable" });
    const page = await newPage();
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, /You are not logged in/);
    const item = page.locator(`#post-${post.number}`);
    await item.getByRole("button", { name: "Report" }).click();
    await item.getByLabel("Why should a moderator look at this post?").fill("It insults another reader.");
    await item.getByRole("button", { name: "Send report" }).click();
    await item.getByText("Thank you. A moderator will look at this post.").waitFor();
    expect(await serverDb.report.findMany({ where: { commentId: post.id }, select: { reason: true } })).toEqual([
      { reason: "It insults another reader." },
    ]);

    await page.reload();
    await waitForViewer(page, /You are not logged in/);
    await item.getByRole("button", { name: "Report" }).click();
    await item.getByLabel("Why should a moderator look at this post?").fill("Reporting it again.");
    await item.getByRole("button", { name: "Send report" }).click();
    await item.getByRole("alert").filter({ hasText: "You have already reported this post." }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("shows a comment holding <script> or <img onerror> as text, and runs nothing", async () => {
    const article = await newArticle();
    const user = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const page = await newPage({ as: user });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/articles/${article.slug}`);
    await waitForViewer(page, /Posting as/);
    const attack = `<script>window.__pwned = 1; alert("script")</script>\n\n<img src=x onerror="window.__pwned = 2; alert('img')">`;
    await writeComment(page, attack);
    await page.waitForURL("**#post-1");

    const body = page.locator("#post-1 .post__body");
    expect(await body.innerText()).toBe(
      `<script>window.__pwned = 1; alert("script")</script>\n\n<img src=x onerror="window.__pwned = 2; alert('img')">`,
    );
    expect(await body.locator("script, img").count()).toBe(0);
    // A fresh load, as another reader would see it.
    const reader = await newPage();
    reader.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await reader.goto(`/articles/${article.slug}`);
    await reader.locator("#post-1").waitFor();
    expect(await reader.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe("posting without JavaScript", () => {
  it("a guest's post leads to their own page saying it awaits moderation", async () => {
    const article = await newArticle();
    const page = await newPage({ javaScript: false });
    await page.goto(`/articles/${article.slug}`);
    await writeComment(page, "x");
    // Without JavaScript the answer is a new page load: wait for it, do not race it.
    await page.getByText("Write at least 2 characters").waitFor();
    expect(await page.getByText("Write at least 2 characters").count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "Your comment", exact: true }).inputValue()).toBe("x");

    await writeComment(page, "Posted with scripts turned off.");
    await page.waitForURL(`**/articles/${article.slug}/posted`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you for posting");
    const item = page.getByRole("list", { name: "Your posts awaiting moderation" }).getByRole("listitem");
    expect(await item.textContent()).toMatch(/Awaiting moderation.*Posted with scripts turned off\./);
    await page.getByRole("link", { name: /Back to the discussion/ }).click();
    await page.waitForURL(`**/articles/${article.slug}#discussion`);
  });

  it("a signed-in user's post appears on the article at its number", async () => {
    const article = await newArticle();
    const user = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const page = await newPage({ javaScript: false, as: user });
    await page.goto(`/articles/${article.slug}`);
    await writeComment(page, "No scripts, still posted.");
    await page.waitForURL(`**/articles/${article.slug}#post-1`);
    expect(await page.locator("#post-1").textContent()).toContain("No scripts, still posted.");
    expect(await page.locator("#post-1 .post__poster").textContent()).toBe(user.username);
  });
});
