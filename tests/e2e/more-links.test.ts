import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readerPageForFile } from "../helpers/reader-page";
import { formatMonthDayName, formatMonthDaySlug, monthDayOf } from "@/lib/calendar";

// "more...": a fact's page leads to the facts beside it, a day's page to the
// days beside it, and an article to the day of its publication.

const reader = readerPageForFile();
const { serverDb } = reader;
let page: Page;

beforeAll(() => {
  page = reader.page;
});

describe("a fact's page", () => {
  it("links the previous and next facts of the facts list", async () => {
    const facts = await serverDb.fact.findMany({
      orderBy: [{ title: "asc" }, { slug: "asc" }],
      select: { slug: true, title: true },
    });
    const [first, second, third] = facts;
    await page.goto(`/facts/${second!.slug}`);
    const more = page.getByRole("navigation", { name: "More facts" });
    expect(await more.getByRole("link", { name: `Previous: ${first!.title}` }).getAttribute("href")).toBe(
      `/facts/${first!.slug}`,
    );
    await Promise.all([
      page.waitForURL(`**/facts/${third!.slug}`),
      more.getByRole("link", { name: `Next: ${third!.title}` }).click(),
    ]);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(third!.title);

    await page.goto(`/facts/${first!.slug}`);
    expect(await page.getByRole("link", { name: /^Previous:/ }).count()).toBe(0);
  });
});

describe("a day's page in history", () => {
  it("links the nearest days that have history, round the calendar", async () => {
    await page.goto("/history/01-01");
    const days = page.getByRole("navigation", { name: "Other days in history" });
    expect(await days.getByRole("link", { name: "Previous: December 31" }).getAttribute("href")).toBe("/history/12-31");
    await Promise.all([page.waitForURL("**/history/01-02"), days.getByRole("link", { name: "Next: January 2" }).click()]);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("January 2 in history");
  });
});

describe("an article's page", () => {
  it("links the day of its publication in history from its Article Details", async () => {
    const article = await serverDb.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
    const day = monthDayOf(article.publishedAt!);
    expect(await serverDb.historyEvent.count({ where: day })).toBeGreaterThan(0);
    await page.goto(`/articles/${article.slug}`);
    const details = page.getByRole("region", { name: "Article Details" });
    const link = details.getByRole("link", { name: `${formatMonthDayName(day)} in history` });
    await Promise.all([page.waitForURL(`**/history/${formatMonthDaySlug(day)}`), link.click()]);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(`${formatMonthDayName(day)} in history`);
  });
});
