import { describe, expect, it } from "vitest";
import { loadContent } from "@/prisma/seed/content";
import { renderMarkdown } from "@/lib/markdown";
import { parseMentionNames } from "@/lib/discussion/mentions";

// The demo corpus a newcomer sees on first start: enough of it, and all of it
// consistent, so that the seed never fails and no page shows a broken link.

const content = loadContent();
const people = new Set(content.people.map((p) => p.username));
const staff = new Set(content.people.filter((p) => p.role !== "reader").map((p) => p.username));
const categories = new Set(content.categories.map((c) => c.slug));
const articleSlugs = new Set(content.articles.map((a) => a.slug));
const words = (markdown: string) => markdown.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

describe("the demo articles", () => {
  it("are at least 40, in at least 6 categories, each of 400 to 1,000 words", () => {
    expect(content.articles.length).toBeGreaterThanOrEqual(40);
    expect(new Set(content.articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(6);
    const outOfRange = content.articles
      .filter((a) => words(a.body) < 400 || words(a.body) > 1000)
      .map((a) => `${a.slug}: ${words(a.body)}`);
    expect(outOfRange).toEqual([]);
  });

  it("have distinct slugs and titles, and one-sentence summaries", () => {
    expect(new Set(content.articles.map((a) => a.title)).size).toBe(content.articles.length);
    expect(articleSlugs.size).toBe(content.articles.length);
    const wordy = content.articles.filter((a) => (a.summary.match(/[.!?](\s|$)/g) ?? []).length > 1).map((a) => a.slug);
    expect(wordy).toEqual([]);
  });

  it("name categories, authors and editors that exist, an editor other than the author, and sensible dates", () => {
    const problems = content.articles.flatMap((a) => [
      ...(categories.has(a.category) ? [] : [`${a.slug}: no category ${a.category}`]),
      ...(staff.has(a.author) ? [] : [`${a.slug}: author ${a.author} is not on the staff`]),
      ...(a.editor && staff.has(a.editor) && a.editor !== a.author ? [] : [`${a.slug}: editor ${a.editor}`]),
      ...(a.updated && a.updated < a.published ? [`${a.slug}: updated before published`] : []),
      ...(a.published > new Date("2026-12-01") ? [`${a.slug}: published in the future`] : []),
      ...(a.tags.length > 0 ? [] : [`${a.slug}: no tags`]),
    ]);
    expect(problems).toEqual([]);
  });

  it("share tags, so that related articles have something to go on", () => {
    const uses = new Map<string, number>();
    for (const tag of content.articles.flatMap((a) => a.tags)) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    const withSharedTag = content.articles.filter((a) => a.tags.some((t) => uses.get(t)! > 1));
    expect(withSharedTag.length).toBeGreaterThanOrEqual(content.articles.length * 0.75);
  });

  it("all render from Markdown to HTML with paragraphs and no leftover Markdown headings", () => {
    for (const article of content.articles) {
      const html = renderMarkdown(article.body);
      expect(html, article.slug).toContain("<p>");
      expect(html, article.slug).not.toMatch(/(^|\n)#{1,6} /);
    }
  });
});

describe("the demo discussions", () => {
  const threads = content.discussions;
  const posts = threads.flatMap((t) => t.posts);

  it("sit under most articles, with a few long threads", () => {
    expect(threads.every((t) => articleSlugs.has(t.articleSlug))).toBe(true);
    expect(threads.length).toBeGreaterThanOrEqual(content.articles.length * 0.75);
    expect(threads.filter((t) => t.posts.length >= 20 && t.posts.length <= 60).length).toBeGreaterThanOrEqual(3);
  });

  it("mix signed-in and anonymous posters, and leave work for the moderators", () => {
    expect(posts.filter((p) => p.anonymous).length).toBeGreaterThan(20);
    expect(posts.filter((p) => !p.anonymous).length).toBeGreaterThan(100);
    expect(posts.filter((p) => p.status === "pending").length).toBeGreaterThanOrEqual(5);
    expect(posts.filter((p) => p.reports.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it("name only people who exist, in time order after their article", () => {
    const published = new Map(content.articles.map((a) => [a.slug, a.published]));
    const problems = threads.flatMap((t) =>
      t.posts.flatMap((p, i) => [
        ...(p.author && !people.has(p.author) ? [`${t.articleSlug} #${i + 1}: unknown author ${p.author}`] : []),
        ...(p.at < published.get(t.articleSlug)! ? [`${t.articleSlug} #${i + 1}: before the article`] : []),
        ...(i > 0 && p.at < t.posts[i - 1]!.at ? [`${t.articleSlug} #${i + 1}: out of order`] : []),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it("@mention only someone who posted earlier in the same thread", () => {
    const problems = threads.flatMap((t) =>
      t.posts.flatMap((p, i) => {
        const earlier = new Set(t.posts.slice(0, i).map((q) => (q.anonymous ? q.handle! : q.author!).toLowerCase()));
        return parseMentionNames(p.body)
          .filter((name) => !earlier.has(name))
          .map((name) => `${t.articleSlug} #${i + 1}: @${name}`);
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe("the sidebar's content", () => {
  it("has at least 60 facts, each with a longer text behind its 'more...' link", () => {
    expect(content.facts.length).toBeGreaterThanOrEqual(60);
    expect(new Set(content.facts.map((f) => f.title)).size).toBe(content.facts.length);
    expect(content.facts.filter((f) => words(f.body) < 80).map((f) => f.slug)).toEqual([]);
  });

  it("has a 'this day in history' event for every calendar day, 29 February included", () => {
    const days = new Set(content.history.map((h) => `${h.month}-${h.day}`));
    const missing: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const length = new Date(Date.UTC(2024, month, 0)).getUTCDate();
      for (let day = 1; day <= length; day++) if (!days.has(`${month}-${day}`)) missing.push(`${month}-${day}`);
    }
    expect(missing).toEqual([]);
    expect(days.size).toBe(366);
  });
});
