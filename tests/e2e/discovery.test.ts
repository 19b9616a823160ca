import crypto from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { sessionCookie } from "./moderation-helpers";

// How readers, feed readers and search engines find Quire's articles, against
// the production server with its response cache: search, feeds, the sitemap,
// robots.txt, and each article's structured data.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["item", "entry", "url", "sitemap", "link"].includes(name),
});
let browser: Browser;
const created: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await serverDb.article.deleteMany({ where: { id: { in: created } } });
  await serverDb.$disconnect();
});

const get = (path: string) => fetch(`${baseURL}${path}`);
const text = async (path: string) => (await get(path)).text();

/** Publishes an article through the back office's API, as an editor's script would. */
async function publish(title: string, body: string): Promise<{ id: number; slug: string }> {
  const cookie = await sessionCookie("editor");
  const headers = { "content-type": "application/json", cookie };
  const category = await serverDb.category.findFirstOrThrow({ where: { slug: "science" } });
  const editor = await serverDb.user.findFirstOrThrow({ where: { username: "editor" } });
  const fields = { title, summary: `About ${title}.`, body, categoryId: category.id, authorId: editor.id, tags: "testing" };
  const made = await fetch(`${baseURL}/api/admin/articles`, { method: "POST", headers, body: JSON.stringify(fields) });
  expect(made.status).toBe(201);
  const { article } = (await made.json()) as { article: { id: number; revision: number } };
  created.push(article.id);
  const published = await fetch(`${baseURL}/api/admin/articles/${article.id}`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ ...fields, baseRevision: article.revision, intent: "publish" }),
  });
  expect(published.status).toBe(200);
  return serverDb.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true } });
}

describe("search", () => {
  it("is a box in every page's header that finds the article, with the words marked", async () => {
    const page = await browser.newPage({ baseURL, javaScriptEnabled: false });
    await page.goto("/articles/why-is-the-sky-blue");
    await page.getByRole("searchbox", { name: "Search the articles" }).fill("rainbow colours");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/search\?q=rainbow\+colours/);
    const first = page.locator(".search-result").first();
    expect(await first.getByRole("link").first().innerText()).toBe("How Do Rainbows Form?");
    expect(await first.locator("mark").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("answers 200 with a sensible page to query syntax, huge and broken input", async () => {
    const queries = [
      '"sky',
      "sky*",
      "sky NEAR blue",
      "AND OR NOT",
      "-sky",
      "^sky",
      "title:sky",
      "((sky",
      "x".repeat(2000),
      "\u0000\u0007sky",
      "%",
      "<script>alert(1)</script>",
    ];
    for (const q of queries) {
      const response = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      const html = await response.text();
      expect(html, q).not.toContain("<script>alert(1)</script>");
    }
    expect(await text(`/search?q=${encodeURIComponent("title:sky")}`)).toContain("Why Is the Sky Blue?");
    expect(await text("/search?q=qwxzvvbnnmq")).toContain("No article mentions");
    expect((await get("/search?q=sky&page=banana")).status).toBe(200);
  });

  it("finds a newly published article at once, though the results page is cached", async () => {
    const word = `zorblax${crypto.randomBytes(3).toString("hex")}`;
    expect(await text(`/search?q=${word}`)).toContain("No article mentions");
    const { slug } = await publish(`A test of searching ${word}`, `The word ${word} appears here.`);
    expect(await text(`/search?q=${word}`)).toContain(`/articles/${slug}`);
  });
});

type RssItem = { title?: string; description?: string; link: string; guid: unknown; pubDate: string };
type AtomEntry = {
  id: string;
  title: unknown;
  updated: string;
  link: { "@href": string; "@rel"?: string }[];
  author?: { name: string };
};

function validRss(body: string) {
  const { rss } = xml.parse(body);
  expect(rss["@version"]).toBe("2.0");
  const channel = rss.channel;
  // RSS 2.0's required channel elements, and an item's title or description.
  for (const field of ["title", "link", "description"]) expect(channel[field], field).toBeTruthy();
  // (The parser reads every <link> as a list, for Atom's several; RSS has one.)
  const items: RssItem[] = (channel.item ?? []).map((item: RssItem & { link: string[] }) => ({ ...item, link: item.link[0] }));
  channel.link = channel.link?.[0];
  for (const item of items) {
    expect(item.title || item.description).toBeTruthy();
    expect(item.link).toMatch(new RegExp(`^${baseURL}/`));
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  return { channel, items };
}

function validAtom(body: string) {
  const { feed } = xml.parse(body);
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  // RFC 4287: a feed has id, title and updated; each entry id, title, updated, an alternate link, and an author somewhere.
  for (const field of ["id", "title", "updated"]) expect(feed[field], field).toBeTruthy();
  const entries: AtomEntry[] = feed.entry ?? [];
  for (const entry of entries) {
    for (const field of ["id", "title", "updated"] as const) expect(entry[field], field).toBeTruthy();
    expect(entry.link.some((link) => link["@href"].startsWith(`${baseURL}/`))).toBe(true);
    expect(entry.author?.name ?? feed.author?.name).toBeTruthy();
  }
  return { feed, entries };
}

describe("feeds", () => {
  it("offers the latest articles as RSS 2.0 and Atom 1.0 with absolute links, and a new article at once", async () => {
    const rss = await get("/feed.xml");
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const before = validRss(await rss.text());
    expect(before.items.length).toBe(20);
    const atom = await get("/atom.xml");
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    validAtom(await atom.text());

    const { slug } = await publish(`Feeds carry this ${crypto.randomBytes(3).toString("hex")}`, "Feed readers see it at once.");
    const after = validRss(await text("/feed.xml"));
    expect(after.items[0]!.link).toBe(`${baseURL}/articles/${slug}`);
    expect(validAtom(await text("/atom.xml")).entries[0]!.id).toBe(`${baseURL}/articles/${slug}`);
  });

  it("has a feed per category, and a 404 in words for a category that does not exist", async () => {
    const { channel, items } = validRss(await text("/categories/money/feed.xml"));
    expect(channel.title).toContain("Money");
    const money = await serverDb.article.findMany({
      where: { status: "PUBLISHED", category: { slug: "money" } },
      select: { slug: true },
    });
    expect(items.map((item) => item.link).sort()).toEqual(money.map((a) => `${baseURL}/articles/${a.slug}`).sort());
    validAtom(await text("/categories/money/atom.xml"));
    const missing = await get("/categories/no-such-thing/feed.xml");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("There is no such feed.");
  });

  it("has a feed of each discussion with its approved posts only, linking each post's anchor", async () => {
    const article = await serverDb.article.findFirstOrThrow({
      where: { status: "PUBLISHED", comments: { some: { status: "APPROVED" } } },
      select: {
        slug: true,
        comments: { where: { status: "APPROVED" }, orderBy: { number: "desc" }, take: 1, select: { number: true, body: true } },
      },
    });
    const { items } = validRss(await text(`/articles/${article.slug}/discussion/feed.xml`));
    const newest = article.comments[0]!;
    expect(items[0]!.title).toContain(`Post ${newest.number}`);
    expect(items[0]!.link).toMatch(new RegExp(`/articles/${article.slug}/posts/\\d+#post-${newest.number}$`));
    const held = await serverDb.comment.findMany({
      where: { article: { slug: article.slug }, status: { not: "APPROVED" } },
      select: { body: true },
    });
    const feedText = await text(`/articles/${article.slug}/discussion/atom.xml`);
    validAtom(feedText);
    for (const post of held) expect(feedText).not.toContain(post.body.slice(0, 40));
  });

  it("is advertised with <link rel=alternate> on the home page, a category and an article", async () => {
    const alternates = (html: string) =>
      [...html.matchAll(/<link rel="alternate" type="application\/(rss|atom)\+xml"[^>]*href="([^"]+)"/g)].map((m) => m[2]);
    expect(alternates(await text("/"))).toEqual(expect.arrayContaining([`${baseURL}/feed.xml`, `${baseURL}/atom.xml`]));
    expect(alternates(await text("/categories/money"))).toEqual(expect.arrayContaining([`${baseURL}/categories/money/feed.xml`]));
    expect(alternates(await text("/articles/why-is-the-sky-blue"))).toEqual(
      expect.arrayContaining([`${baseURL}/articles/why-is-the-sky-blue/discussion/feed.xml`, `${baseURL}/feed.xml`]),
    );
  });
});

describe("search engines", () => {
  it("get a sitemap of every published article with its Last Modified Date", async () => {
    const response = await get("/sitemap.xml");
    expect(response.headers.get("content-type")).toContain("xml");
    const { urlset } = xml.parse(await response.text());
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const urls: { loc: string; lastmod?: string }[] = urlset.url;
    for (const url of urls) {
      expect(url.loc).toMatch(new RegExp(`^${baseURL}/`));
      expect(url.loc.length).toBeLessThanOrEqual(2048);
      if (url.lastmod) expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    }
    const articles = await serverDb.article.findMany({ where: { status: "PUBLISHED" }, select: { slug: true, updatedAt: true } });
    for (const article of articles) {
      const entry = urls.find((url) => url.loc === `${baseURL}/articles/${article.slug}`);
      expect(entry, article.slug).toBeDefined();
      expect(new Date(entry!.lastmod!).getTime()).toBe(article.updatedAt.getTime());
    }
    const drafts = await serverDb.article.findMany({ where: { status: { not: "PUBLISHED" } }, select: { slug: true } });
    for (const draft of drafts) expect(urls.some((url) => url.loc.endsWith(`/articles/${draft.slug}`))).toBe(false);
  });

  it("get a robots.txt that names the sitemap and keeps crawlers out of staff pages and the API", async () => {
    const robots = await text("/robots.txt");
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const path of ["/admin", "/moderate", "/api"]) expect(robots).toContain(`Disallow: ${path}`);
  });

  it("read each article's canonical URL, OpenGraph and Twitter tags, and JSON-LD with its approved posts as comments", async () => {
    const article = await serverDb.article.findFirstOrThrow({
      where: { status: "PUBLISHED", comments: { some: { status: "APPROVED" } } },
      include: { author: true, editor: true },
    });
    const html = await text(`/articles/${article.slug}`);
    const url = `${baseURL}/articles/${article.slug}`;
    const meta = (attribute: string, name: string) =>
      new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(meta("property", "og:type")).toBe("article");
    expect(meta("property", "og:url")).toBe(url);
    expect(meta("property", "og:title")).toBeTruthy();
    expect(meta("property", "og:description")).toBeTruthy();
    expect(meta("property", "article:published_time")).toBe(article.publishedAt!.toISOString());
    expect(meta("name", "twitter:card")).toMatch(/^summary(_large_image)?$/);

    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    // schema.org Article as search engines read it: these fields are what their validators require or expect.
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@type"]).toBe("Article");
    expect(ld.headline).toBe(article.title);
    expect(ld.headline.length).toBeLessThanOrEqual(110);
    expect(ld.author).toEqual({
      "@type": "Person",
      name: article.author.displayName ?? article.author.username,
      url: `${baseURL}/authors/${article.author.username}`,
    });
    if (article.editor) expect(ld.editor.name).toBe(article.editor.displayName ?? article.editor.username);
    expect(ld.datePublished).toBe(article.publishedAt!.toISOString());
    expect(ld.dateModified).toBe(article.updatedAt.toISOString());
    expect(ld.publisher).toMatchObject({ "@type": "Organization", name: "Quire" });
    const approved = await serverDb.comment.count({ where: { articleId: article.id, status: "APPROVED" } });
    expect(ld.commentCount).toBe(approved);
    expect(ld.comment.length).toBeGreaterThan(0);
    for (const comment of ld.comment) {
      expect(comment["@type"]).toBe("Comment");
      expect(comment.text).toBeTruthy();
      expect(comment.author.name).toBeTruthy();
      expect(Number.isNaN(Date.parse(comment.dateCreated))).toBe(false);
    }
  });

  it("see an article's picture in its structured data and card, and no script from its text", async () => {
    const { slug } = await publish(
      `Pictures in cards ${crypto.randomBytes(3).toString("hex")}`,
      "![A kettle](/media/0123456789abcdef01234567/960.webp)\n\nText </script><script>alert(1)</script>",
    );
    const html = await text(`/articles/${slug}`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(ld.image).toEqual([`${baseURL}/media/0123456789abcdef01234567/960.webp`]);
    expect(html).toContain(`<meta property="og:image" content="${baseURL}/media/0123456789abcdef01234567/960.webp"/>`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});
