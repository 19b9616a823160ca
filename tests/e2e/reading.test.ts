import { beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readerPageForFile } from "../helpers/reader-page";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { createUser } from "../helpers/factories";
import { loginBrowser } from "../helpers/session";
import { sessionCookie } from "./moderation-helpers";
import { monthDayOf, formatMonthDaySlug } from "@/lib/calendar";

const reader = readerPageForFile();
const { baseURL, serverDb } = reader;
let page: Page;
let browser: Browser;

beforeAll(() => {
  page = reader.page;
  browser = reader.browser;
});

describe("reading an article", () => {
  it("goes from the home page into an article with its whole anatomy", async () => {
    // Make sure the sidebar has an event for the server's today, whatever day CI runs.
    const today = monthDayOf(new Date());
    // Through the back office's API, so that the cached pages showing today's history refresh.
    const testEvent = { ...today, year: 1900, title: "A test event" };
    if (!(await serverDb.historyEvent.findUnique({ where: { month_day_year_title: testEvent } }))) {
      const created = await fetch(`${baseURL}/api/admin/history`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await sessionCookie("editor") },
        body: JSON.stringify({ ...testEvent, text: "Something noteworthy happened on this day." }),
      });
      expect(created.status).toBe(201);
    }
    const todaysEvents = await serverDb.historyEvent.findMany({ where: today });

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Latest articles" }).isVisible()).resolves.toBe(true);
    const threads = await serverDb.article.findMany({
      where: { status: "PUBLISHED" },
      select: { slug: true, title: true, _count: { select: { comments: { where: { status: "APPROVED" } } } } },
    });
    const busiest = threads.sort((a, b) => b._count.comments - a._count.comments)[0]!;
    await page.goto("/");
    const link = page.getByRole("link", { name: busiest.title, exact: true }).first();
    if (!(await link.count()))
      await page.goto(
        `/categories/${(await serverDb.article.findUnique({ where: { slug: busiest.slug }, include: { category: true } }))!.category.slug}`,
      );
    await page.getByRole("link", { name: busiest.title, exact: true }).first().click();
    await page.waitForURL(`**/articles/${busiest.slug}`);

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(busiest.title);
    const details = page.getByRole("region", { name: "Article Details" });
    const detailsText = (await details.textContent()) ?? "";
    expect(detailsText).toMatch(/Written By\s*\S+/);
    expect(detailsText).toMatch(/Edited By\s*\S+/);
    expect(detailsText).toMatch(/Last Modified Date\s*[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(detailsText).toMatch(/Copyright © \d{4}/);
    expect(await page.getByRole("link", { name: "Free Widgets for your Site/Blog" }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "You might also Like" }).count()).toBe(1);

    // Today's history event, with "more..." leading to the day's page.
    const event = await page.getByTestId("todays-event").textContent();
    expect(todaysEvents.some((e) => event?.includes(e.text))).toBe(true);
    expect(await page.getByRole("heading", { name: "Did you know?" }).count()).toBe(1);

    // Posts newest first, numbered.
    const numbers = await page
      .locator("[data-post-number]")
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-post-number"))));
    expect(numbers.length).toBe(busiest._count.comments);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(await page.locator("#post-1 h3").textContent()).toBe("Post 1");

    // An @mention links to an earlier post that exists on the page.
    const mention = page.locator("a.mention").first();
    const href = await mention.getAttribute("href");
    expect(href).toMatch(/^#post-\d+$/);
    const container = await mention.evaluate((a) => a.closest("[data-post-number]")?.getAttribute("data-post-number"));
    expect(Number(href!.slice(6))).toBeLessThan(Number(container));
    await mention.click();
    expect(await page.locator(`${href}`).isVisible()).toBe(true);
    expect(page.url()).toContain(href!);

    // The sidebar's history "more..." link shows the whole day.
    await page.getByRole("link", { name: /^More events on/ }).click();
    await page.waitForURL(`**/history/${formatMonthDaySlug(today)}`);
    expect(await page.getByText("Something noteworthy happened on this day.").count()).toBe(1);
  });

  it("has a print view with the article alone", async () => {
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" } }))!;
    await page.goto(`/articles/${article.slug}`);
    await page.getByRole("link", { name: "Print this Article" }).click();
    await page.waitForURL(`**/articles/${article.slug}/print`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(article.title);
    expect(await page.getByText("Discuss this Article").count()).toBe(0);
    expect(await page.locator("header.site-header").count()).toBe(0);
  });

  it("shows a helpful 404 page, rendered on the server, for an unknown article or page", async () => {
    for (const path of ["/articles/no-such-article-here", "/articles/no-such-article-here/print", "/no/such/page"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole("heading", { name: "We could not find that page" }).count(), path).toBe(1);
      expect(await page.getByRole("link", { name: "See the latest articles" }).count(), path).toBe(1);
    }
  });

  it("shows a server-rendered 403 page to a signed-in reader on a moderators' page", async () => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const reader = await createUser(serverDb, { password: "a long enough password 9" });
    await loginBrowser(context, reader.username, "a long enough password 9");
    const denied = await context.newPage();
    const response = await denied.goto("/moderate");
    expect(response?.status()).toBe(403);
    expect(await denied.getByRole("heading", { name: "You do not have permission to see this page" }).count()).toBe(1);
    await context.close();
  });

  it("passes axe with no serious or critical violations on the main pages", async () => {
    const article = (await serverDb.article.findFirst({
      where: { status: "PUBLISHED" },
      include: { category: true, author: true },
    }))!;
    const fact = (await serverDb.fact.findFirst())!;
    const scripted = await browser.newPage({ baseURL });
    for (const path of [
      "/",
      `/articles/${article.slug}`,
      `/articles/${article.slug}/print`,
      `/categories/${article.category.slug}`,
      `/authors/${article.author.username}`,
      "/facts",
      `/facts/${fact.slug}`,
      "/history",
      "/history/11-25",
      "/widgets",
      "/nope",
    ]) {
      await scripted.goto(path);
      expect(await seriousAccessibilityViolations(scripted), path).toEqual([]);
    }
    await scripted.close();
  });
});

describe("bad requests", () => {
  it("answer a malformed form POST to a page with 400 and a sentence, not a 500", async () => {
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" } }))!;
    const response = await fetch(`${baseURL}/articles/${article.slug}`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      body: "not really a multipart body",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/form could not be read/);
  });

  it("answer 400 with a sentence, not a 500, when a path has a broken %-escape", async () => {
    const page = await fetch(`${baseURL}/articles/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/broken %-escape/);
    const api = await fetch(`${baseURL}/api/articles/x%ZZ/comments`);
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: string }).error).toMatch(/broken %-escape/);
  });
});

describe("personal parts filled in by the browser", () => {
  it("ask the server who is reading once per page, however many parts need it", async () => {
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED", discussionOpen: true } }))!;
    const scripted = await browser.newPage({ baseURL });
    let asked = 0;
    scripted.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/account/me") asked++;
    });
    await scripted.goto(`/articles/${article.slug}`);
    await scripted
      .locator("#comment-form-identity")
      .filter({ hasText: /You are not logged in/ })
      .waitFor();
    await scripted.waitForLoadState("networkidle");
    expect(asked).toBe(1);
    await scripted.close();
  });
});

describe("caching", () => {
  it("serves anonymous public pages without any cookie", async () => {
    const article = (await serverDb.article.findFirst({ where: { status: "PUBLISHED" } }))!;
    for (const path of ["/", `/articles/${article.slug}`, `/articles/${article.slug}/print`, "/facts"]) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("set-cookie"), path).toBeNull();
    }
  });
});
