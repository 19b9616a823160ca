import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { createPendingComment, createUser } from "../helpers/factories";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { loginCookie } from "../helpers/session";
import { actAs, freshArticle, guestPost, notice, publicPostNumber, submit } from "./moderation-helpers";
import { clearRateLimits } from "../helpers/site-settings";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
let browser: Browser;
let moderatorContext: BrowserContext;
let moderator: Page;
let reader: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  moderatorContext = await browser.newContext({ baseURL });
  await actAs(moderatorContext, "moderator");
  moderator = await moderatorContext.newPage();
  // An anonymous reader without JavaScript: what the server renders for everyone.
  reader = await browser.newPage({ baseURL, javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await serverDb.$disconnect();
});

const queueItem = (page: Page, body: string) => page.locator("[data-queue-item]").filter({ hasText: body });

/** The log's rows for one post, newest first, as "Action" or "Action undone". */
async function logActions(page: Page, commentId: number): Promise<string[]> {
  await page.goto(`/moderate/log?post=${commentId}`);
  const rows = page.locator("table.moderation-log tbody tr");
  return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2]!.textContent!.trim()));
}

describe("moderating a guest's post", () => {
  it("shows the moderator why it waits; once approved, an anonymous reader's next request shows it as the next Post N", async () => {
    const article = await freshArticle(serverDb);
    // A guest (no session, JavaScript on) posts through the article's own form.
    await clearRateLimits(serverDb, "comment:ip:");
    const guest = await browser.newPage({ baseURL });
    await guest.goto(`/articles/${article.slug}`);
    const body = `A guest writes from the form ${Date.now()}`;
    await guest.getByRole("textbox", { name: "Your comment", exact: true }).fill(body);
    const answered = guest.waitForResponse((r) => r.request().method() === "POST");
    await guest.getByRole("button", { name: "Post comment" }).click();
    await answered;
    await guest.getByText(body).first().waitFor();
    await guest.close();
    const post = await serverDb.comment.findFirstOrThrow({ where: { body } });
    expect(post.status).toBe("PENDING");
    const { nextPostNumber } = await serverDb.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(await publicPostNumber(reader, article.slug, post.body)).toBeNull();

    await moderator.goto("/moderate");
    const item = queueItem(moderator, post.body);
    expect(await item.getByRole("list", { name: "Why it needs attention" }).textContent()).toBe("guest");
    const facts = (await item.locator("dl").textContent()) ?? "";
    expect(facts).toContain("Real authora guest (not signed in)");
    expect(facts).toContain(post.ipHash!);
    expect(await item.getByRole("link", { name: article.title }).count()).toBe(1);

    await submit(moderator, item.getByRole("button", { name: "Approve" }));
    await notice(moderator, `Post approved. It is Post ${nextPostNumber}.`);
    expect(await publicPostNumber(reader, article.slug, post.body)).toBe(nextPostNumber);
    expect(await queueItem(moderator, post.body).count()).toBe(0);
    expect(await logActions(moderator, post.id)).toEqual(["Approve"]);
  });

  it("checks reject, spam, delete, restore and undo on the public page and in the audit log", async () => {
    const article = await freshArticle(serverDb);
    const post = await guestPost(serverDb, article.id);
    const visible = () => publicPostNumber(reader, article.slug, post.body);
    const press = async (name: string, says: string) => {
      await moderator.goto(`/moderate/posts/${post.id}`);
      await submit(
        moderator,
        moderator.getByRole("form", { name: `Moderate post #${post.id}` }).getByRole("button", { name, exact: true }),
      );
      await notice(moderator, says);
    };

    await press("Approve", "Post approved. It is Post 1.");
    expect(await visible()).toBe(1);
    await press("Reject", "Post rejected. It is Post 1, now hidden.");
    expect(await visible()).toBeNull();
    // Undo straight from the notice.
    await submit(moderator, moderator.locator(".moderation-notice").getByRole("button", { name: "Undo" }));
    await notice(moderator, "Undone. The post is approved again.");
    expect(await visible()).toBe(1);
    await press("Mark as spam", "Post marked as spam.");
    expect(await visible()).toBeNull();
    await press("Restore", "Post restored. It is Post 1.");
    expect(await visible()).toBe(1);
    await press("Delete", "Post deleted.");
    expect(await visible()).toBeNull();
    // Undo from the audit log.
    await moderator.goto(`/moderate/log?post=${post.id}`);
    await submit(moderator, moderator.locator("table.moderation-log").getByRole("button", { name: "Undo" }));
    await notice(moderator, "Undone. The post is approved again.");
    expect(await visible()).toBe(1);

    expect(await logActions(moderator, post.id)).toEqual([
      "Undo",
      "Delete undone",
      "Restore",
      "Mark as spam",
      "Undo",
      "Reject undone",
      "Approve",
    ]);
    const change = await moderator.locator("table.moderation-log tbody tr").nth(1).locator("td").nth(4).textContent();
    expect(change).toBe("approved → deleted");
    expect(await moderator.locator("table.moderation-log tbody tr").first().locator("td").nth(1).textContent()).toBe("moderator");
  });

  it("edits a post's text, keeping the author's original", async () => {
    const article = await freshArticle(serverDb);
    const post = await guestPost(serverDb, article.id);
    await moderator.goto("/moderate");
    const item = queueItem(moderator, post.body);
    await item.getByText("Edit the text").click();
    await item.getByLabel("Text").fill("A politer version of the post.");
    await submit(moderator, item.getByRole("button", { name: "Save edit" }));
    await notice(moderator, "Post edited. The author's original text is kept.");
    await submit(moderator, queueItem(moderator, "A politer version").getByRole("button", { name: "Approve" }));
    await notice(moderator, "Post approved.");

    await reader.goto(`/articles/${article.slug}`);
    expect(await reader.locator("#post-1").textContent()).toContain("A politer version of the post.");
    expect(await reader.locator("#post-1").textContent()).toContain("(edited)");
    expect((await serverDb.comment.findUniqueOrThrow({ where: { id: post.id } })).originalBody).toBe(post.body);
  });
});

describe("the queue", () => {
  it("works from the keyboard: j / k move, a approves, r rejects, with a visible legend", async () => {
    const article = await freshArticle(serverDb);
    const first = await guestPost(serverDb, article.id);
    const second = await guestPost(serverDb, article.id);
    await moderator.goto("/moderate");
    expect(await moderator.getByText("Keyboard:").isVisible()).toBe(true);
    const focusedText = () => moderator.evaluate(() => document.activeElement?.closest("[data-queue-item]")?.textContent ?? "");
    for (let i = 0; i < 200 && !(await focusedText()).includes(first.body); i++) await moderator.keyboard.press("j");
    expect(await focusedText()).toContain(first.body);

    await moderator.keyboard.press("a");
    await notice(moderator, "Post approved.");
    // The next post takes focus: the one written just after.
    await moderator.waitForFunction((body) => document.activeElement?.textContent?.includes(body), second.body);
    await moderator.keyboard.press("r");
    await notice(moderator, "Post rejected.");

    const statuses = await serverDb.comment.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { id: "asc" } });
    expect(statuses.map((p) => p.status)).toEqual(["APPROVED", "REJECTED"]);
  });

  it("tells a moderator acting on a stale view who changed the post, and overwrites nothing", async () => {
    const article = await freshArticle(serverDb);
    const post = await guestPost(serverDb, article.id);
    await moderator.goto("/moderate");
    const adminContext = await browser.newContext({ baseURL });
    await actAs(adminContext, "admin");
    const admin = await adminContext.newPage();
    await admin.goto("/moderate");
    await submit(admin, queueItem(admin, post.body).getByRole("button", { name: "Approve" }));
    await notice(admin, "Post approved.");

    await submit(moderator, queueItem(moderator, post.body).getByRole("button", { name: "Reject" }));
    await notice(
      moderator,
      "This post was changed by another moderator (now: approved by admin). Reload to see its current state.",
    );
    expect((await serverDb.comment.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("APPROVED");
    await adminContext.close();
  });

  it("acts on a selection", async () => {
    const article = await freshArticle(serverDb);
    const posts = [await guestPost(serverDb, article.id), await guestPost(serverDb, article.id)];
    await moderator.goto("/moderate");
    for (const post of posts) await queueItem(moderator, post.body).getByLabel("Select").check();
    await moderator.getByLabel("Selected posts:").selectOption("spam");
    await submit(moderator, moderator.getByRole("button", { name: "Apply to selected" }));
    await notice(moderator, "2 posts marked as spam.");
    const stored = await serverDb.comment.findMany({ where: { id: { in: posts.map((p) => p.id) } } });
    expect(stored.map((p) => p.status)).toEqual(["SPAM", "SPAM"]);
  });
});

describe("accessibility", () => {
  it("finds no serious problems on any moderation page", async () => {
    const post = await guestPost(serverDb, (await freshArticle(serverDb)).id);
    for (const path of ["/moderate", "/moderate/log", "/moderate/discussions", `/moderate/posts/${post.id}`]) {
      await moderator.goto(path);
      expect(await seriousAccessibilityViolations(moderator), path).toEqual([]);
    }
    const adminContext = await browser.newContext({ baseURL });
    await actAs(adminContext, "admin");
    const admin = await adminContext.newPage();
    await admin.goto("/moderate/settings");
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await adminContext.close();
  });
});

describe("awareness", () => {
  it("shows moderators the number of waiting items in the header, kept current, and nobody else", async () => {
    const post = await guestPost(serverDb, (await freshArticle(serverDb)).id);
    const waiting = await serverDb.comment.count({
      where: { OR: [{ status: "PENDING" }, { status: "APPROVED", reports: { some: { dismissedAt: null } } }] },
    });
    await moderator.goto("/moderate");
    const link = moderator.getByRole("link", { name: `Queue (${waiting})` });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe("/moderate");
    await submit(moderator, queueItem(moderator, post.body).getByRole("button", { name: "Approve" }));
    await moderator.getByRole("link", { name: `Queue (${waiting - 1})` }).waitFor();

    const readerContext = await browser.newContext({ baseURL });
    await actAs(readerContext, "reader");
    const signedInReader = await readerContext.newPage();
    await signedInReader.goto("/");
    await signedInReader.waitForLoadState("networkidle");
    expect(await signedInReader.getByRole("link", { name: /^Queue \(/ }).count()).toBe(0);
    await readerContext.close();

    const anonymous = await fetch(`${baseURL}/`);
    expect(anonymous.headers.get("set-cookie")).toBeNull();
    expect(await anonymous.text()).not.toContain("Queue (");
  });
});

describe("bans and discussions", () => {
  it("bans a post's author for good from the queue, and logs it", async () => {
    const article = await freshArticle(serverDb);
    const author = await createUser(serverDb);
    const post = await createPendingComment(serverDb, { articleId: article.id, authorId: author.id });
    await moderator.goto("/moderate");
    const item = queueItem(moderator, post.body);
    await item.locator("summary", { hasText: `Ban ${author.username}` }).click();
    const banForm = item.getByRole("form", { name: `Ban ${author.username}` });
    await banForm.getByRole("combobox").selectOption("forever");
    await banForm.getByLabel(/^Reason/).fill("Posts nothing but advertising");
    await submit(moderator, banForm.getByRole("button", { name: `Ban ${author.username}` }));
    await notice(moderator, `${author.username} is banned for good. Their new posts will be refused.`);

    const banned = await serverDb.user.findUniqueOrThrow({ where: { id: author.id } });
    expect(banned.bannedUntil!.getUTCFullYear()).toBe(9999);
    expect(banned.banReason).toBe("Posts nothing but advertising");
    await moderator.goto(`/moderate/log?action=ban&user=${author.username}`);
    expect(await moderator.locator("table.moderation-log tbody tr").first().textContent()).toContain(
      "not banned → banned for good",
    );

    // The banned user, still signed in, is told why their new post is refused, and nothing is stored.
    const cookie = await loginCookie(author.username, "correct horse battery staple");
    const refused = await fetch(`${baseURL}/api/articles/${article.slug}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ body: "Let me advertise one more time." }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe(
      "You cannot post: you are banned for good. Reason: Posts nothing but advertising",
    );
    expect(await serverDb.comment.count({ where: { authorId: author.id } })).toBe(1);
  });

  it("closes and reopens an article's discussion, shown on the public page at once", async () => {
    const article = await freshArticle(serverDb);
    const closedNotice = "Discussion of this article is closed.";
    const row = () => moderator.locator(".discussion-states li").filter({ hasText: article.title });
    // Read first, so the page the close must replace is in the server's response cache.
    await reader.goto(`/articles/${article.slug}`);
    expect(await reader.getByText(closedNotice).count()).toBe(0);
    await moderator.goto("/moderate/discussions");
    await submit(moderator, row().getByRole("button", { name: "Close discussion" }));
    await notice(moderator, `The discussion of “${article.title}” is closed.`);
    await reader.goto(`/articles/${article.slug}`);
    expect(await reader.getByText(closedNotice).count()).toBe(1);

    await submit(moderator, row().getByRole("button", { name: "Reopen discussion" }));
    await notice(moderator, "is open again");
    await reader.goto(`/articles/${article.slug}`);
    expect(await reader.getByText(closedNotice).count()).toBe(0);
  });
});

describe("policies", () => {
  it("are changed by an admin, with a wrong value named beside its field", async () => {
    const adminContext = await browser.newContext({ baseURL });
    await actAs(adminContext, "admin");
    const admin = await adminContext.newPage();
    await admin.goto("/moderate/settings");
    const linkLimit = admin.getByLabel("Hold posts with more links than");
    await linkLimit.fill("lots");
    await submit(admin, admin.getByRole("button", { name: "Save policies" }));
    await admin.getByText("Enter a whole number.").waitFor();
    expect(await linkLimit.getAttribute("aria-invalid")).toBe("true");
    expect(await linkLimit.inputValue()).toBe("lots");

    await linkLimit.fill("2");
    await submit(admin, admin.getByRole("button", { name: "Save policies" }));
    await admin.getByText("Policies saved (1 changed).").waitFor();
    const stored = await serverDb.siteSetting.findUniqueOrThrow({ where: { key: "linkLimit" } });
    expect(JSON.parse(stored.value)).toBe(2);
    await serverDb.siteSetting.delete({ where: { key: "linkLimit" } });
    await adminContext.close();
  });
});
