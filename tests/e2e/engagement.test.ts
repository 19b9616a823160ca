import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { clearRateLimits } from "../helpers/site-settings";
import { mailTo, waitForMail, type ReceivedMail } from "../helpers/mailbox";
import { actAs, freshArticle, sessionCookie, type DemoUser } from "./moderation-helpers";

// Following a discussion, as readers do it: a guest subscribes and confirms by
// email, a signed-in reader in one click; three new posts arrive as one email
// each; the guest leaves by the one-click unsubscribe and hears nothing more,
// while the reader, still following, does; a guest who never confirms gets
// nothing but the confirmation. The server gathers posts for 3 s and sends a
// digest at most every 6 s (tests/helpers/e2e-server.ts).

const baseURL = inject("baseURL");
const db = connectServerDatabase();
let browser: Browser;
let article: { id: number; slug: string; title: string };
const contexts: BrowserContext[] = [];
const run = crypto.randomBytes(3).toString("hex");
const guest = `follower-${run}@example.com`;
const unconfirmed = `never-confirms-${run}@example.com`;
const READER_EMAIL = "reader@example.com";

beforeAll(async () => {
  browser = await launchBrowser();
  article = await freshArticle(db);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await db.article.delete({ where: { id: article.id } }).catch(() => {});
  await db.$disconnect();
});

async function openArticle(user: DemoUser | null) {
  const context = await browser.newContext({ baseURL });
  contexts.push(context);
  await actAs(context, user);
  const page = await context.newPage();
  await page.goto(`/articles/${article.slug}`);
  return page;
}

async function followAsGuest(email: string) {
  const page = await openArticle(null);
  const box = page.getByRole("form", { name: "Follow this discussion" });
  await box.getByLabel("Your email address").fill(email);
  await box.getByRole("button", { name: "Email me new posts in this discussion" }).click();
  await box.getByRole("status").filter({ hasText: "Check your inbox" }).waitFor();
}

async function post(user: DemoUser, body: string): Promise<number> {
  await clearRateLimits(db, "comment:");
  const answer = await fetch(`${baseURL}/api/articles/${article.slug}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: await sessionCookie(user) },
    body: JSON.stringify({ body, anonymous: false }),
  });
  expect(answer.status, await answer.clone().text()).toBe(201);
  return ((await answer.json()) as { number: number }).number;
}

const digests = async (email: string) =>
  (await mailTo(email)).filter((m) => m.subject.endsWith(`in “${article.title}”`) && !m.subject.startsWith("Confirm"));

async function waitForDigest(email: string, count: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await digests(email);
    if (found.length >= count) return found[count - 1]!;
    if (Date.now() > deadline) throw new Error(`no digest #${count} for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("following a discussion by email", () => {
  it("subscribes, confirms, batches three posts into one email, and stops after the one-click unsubscribe", async () => {
    await followAsGuest(guest);
    await followAsGuest(unconfirmed);
    const confirmation = await waitForMail(guest);
    expect(confirmation.subject).toBe(`Confirm: new posts in “${article.title}”`);
    const link = /(http\S+\/subscriptions\/confirm\/\S+)/.exec(confirmation.text)![1]!;
    expect(link.startsWith(`${baseURL}/`)).toBe(true);
    const confirmPage = await (await openArticle(null)).context().newPage();
    await confirmPage.goto(link);
    await confirmPage.getByRole("button", { name: "Confirm" }).click();
    await confirmPage.getByRole("status").filter({ hasText: "Confirmed" }).waitFor();

    const readerPage = await openArticle("reader");
    const readerBox = readerPage.getByRole("form", { name: "Follow this discussion" });
    // The page is the same for everyone: the box becomes the reader's one-click button once the browser knows who reads.
    await readerBox.getByText("Get an email when there are new posts here").waitFor();
    await readerBox.getByRole("button", { name: "Email me new posts in this discussion" }).click();
    await readerBox.getByRole("button", { name: "Stop emails about this discussion" }).waitFor();
    const readerBefore = (await digests(READER_EMAIL)).length;

    const numbers = [
      await post("moderator", `First, ${run}`),
      await post("admin", `Second, ${run}`),
      await post("moderator", `Third, ${run}`),
    ];
    const digest = await waitForDigest(guest, 1);
    expect(digest.subject).toBe(`3 new posts in “${article.title}”`);
    for (const number of numbers) expect(digest.text).toContain(`${baseURL}/articles/${article.slug}/posts/1#post-${number}`);
    expect((await waitForDigest(READER_EMAIL, readerBefore + 1)).subject).toBe(`3 new posts in “${article.title}”`);

    // The mail program's unsubscribe button: a POST from its own servers, no login.
    const header = digest.parsed.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    const oneClick = /<(http[^>]+)>/.exec(header)![1]!;
    const unsubscribed = await fetch(oneClick, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.status).toBe(200);

    // After the 6 s between digests, a fourth post reaches the reader who still follows, and only them.
    await new Promise((resolve) => setTimeout(resolve, 6500));
    const fourth = await post("admin", `Fourth, ${run}`);
    const next = await waitForDigest(READER_EMAIL, readerBefore + 2);
    expect(next.subject).toBe(`1 new post in “${article.title}”`);
    expect(next.text).toContain(`#post-${fourth}`);
    expect(await digests(guest)).toHaveLength(1);
    expect((await mailTo(unconfirmed)).map((m) => m.subject)).toEqual([`Confirm: new posts in “${article.title}”`]);

    // The reader's settings page lists what they follow, and stops it there too.
    const settings = await readerPage.context().newPage();
    await settings.goto("/account/email");
    const followed = settings.getByRole("region", { name: "Discussions you follow" });
    await followed.getByRole("link", { name: article.title }).waitFor();
    await followed.getByRole("button", { name: "Stop emails about this discussion" }).click();
    await followed.getByRole("status").filter({ hasText: "no more emails" }).waitFor();
    expect(await db.threadSubscription.count({ where: { articleId: article.id, confirmedAt: { not: null } } })).toBe(0);
  }, 120_000);
});
