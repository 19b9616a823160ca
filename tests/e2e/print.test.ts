import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readerPageForFile } from "../helpers/reader-page";
import { freshTmpDir } from "../helpers/paths";

// What reaches paper: the print view and the normal article page, printed to
// PDF by Chromium, read back with poppler's pdftotext.

const reader = readerPageForFile();
const { baseURL, serverDb } = reader;
const dir = freshTmpDir("print");
let page: Page;

beforeAll(() => {
  page = reader.page;
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An article with readers' posts under it, so that its page has a discussion to leave out. */
async function discussedArticle() {
  const article = await serverDb.article.findFirstOrThrow({
    where: { status: "PUBLISHED", discussionOpen: true, comments: { some: { status: "APPROVED" } } },
    orderBy: { id: "asc" },
    include: { author: true },
  });
  return { ...article, authorName: article.author.displayName ?? article.author.username };
}

/** The page at `url` printed to PDF (A4, print styles), as plain text with its spacing folded. */
async function printedText(url: string, name: string): Promise<string> {
  await page.goto(url);
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, format: "A4" });
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** Words the article's text shows, for finding them in the PDF. */
async function firstWordsOfBody(): Promise<string> {
  const paragraph = await page.locator(".article-body p").first().innerText();
  return paragraph.split(/\s+/).slice(0, 8).join(" ");
}

const LEFT_OUT = [
  "Post your comments",
  "Log in",
  "Did you know?",
  "This day in history",
  "You might also Like",
  "Discuss this Article",
];

describe("printing an article", () => {
  it("puts the title, Article Details, text and a short link on paper, and nothing of the site around it", async () => {
    const article = await discussedArticle();
    const text = await printedText(`/articles/${article.slug}/print`, "print-view");
    const words = await firstWordsOfBody();
    expect(text).toContain(article.title);
    expect(text).toContain("Article Details");
    expect(text).toContain(`Written By ${article.authorName}`);
    expect(text).toMatch(/Edited By \S+/);
    expect(text).toMatch(/Last Modified Date [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(text).toMatch(/Copyright © \d{4}/);
    expect(text).toContain(words);
    expect(text).toContain(`${baseURL}/a/${article.id}`);
    for (const absent of LEFT_OUT) expect(text, absent).not.toContain(absent);
  });

  it("prints the normal article page as the article alone too", async () => {
    const article = await discussedArticle();
    await page.goto(`/articles/${article.slug}`);
    expect(await page.getByRole("heading", { name: "Post your comments" }).count()).toBe(1);
    const text = await printedText(`/articles/${article.slug}`, "article-page");
    expect(text).toContain(article.title);
    expect(text).toContain(`Written By ${article.authorName}`);
    expect(text).toContain(await firstWordsOfBody());
    for (const absent of LEFT_OUT) expect(text, absent).not.toContain(absent);
  });

  it("gives paper a short link that leads to the article where it is now", async () => {
    const article = await discussedArticle();
    const response = await fetch(`${baseURL}/a/${article.id}`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`/articles/${article.slug}`);
    expect((await fetch(`${baseURL}/a/999999999`, { redirect: "manual" })).status).toBe(404);
  });
});
