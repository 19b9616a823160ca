import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { installPageCacheHooks, tags, type PageRender } from "@/lib/cache";
import { loadContent } from "@/prisma/seed/content";
import { seedDatabase } from "@/prisma/seed/seed";
import { nextSiteMidnight } from "@/lib/calendar";
import { siteUrl } from "@/lib/config";
import { factEmbed, historyEmbed } from "@/lib/widgets/embed-html";
import { EMBED_CSP } from "@/lib/widgets/embed-response";
import { getTodayInHistory, LATEST_WIDGET_LIMIT } from "@/lib/widgets/queries";
import { GET as factRoute } from "@/app/embed/fact/route";
import { GET as historyRoute } from "@/app/embed/history/route";
import { GET as latestRoute } from "@/app/embed/latest/route";
import { GET as loaderRoute } from "@/app/embed.js/route";
import { GET as shortLinkRoute } from "@/app/a/[id]/route";
import { createArticle, createUser } from "../helpers/factories";

// The embeds other sites frame, through their route handlers, on the demo
// content: what they show, what they tag, and that each stays within 5 KB.

const EMBED_BUDGET_BYTES = 5 * 1024;
const content = loadContent();
let render: PageRender | undefined;

beforeAll(async () => {
  await seedDatabase(db, content);
}, 120_000);
afterEach(() => {
  installPageCacheHooks(undefined);
  render = undefined;
});

/** Runs a request as the response cache would render it, and returns what it tagged. */
async function asCached(answer: () => Promise<Response> | Response) {
  render = { tags: new Set(), expiresAt: Number.MAX_SAFE_INTEGER };
  installPageCacheHooks({ currentRender: () => render, invalidate: () => {} });
  const response = await answer();
  return { response, html: await response.text(), render };
}

const latest = (query = "") => latestRoute(new Request(`http://localhost/embed/latest${query}`));

describe("the embeds", () => {
  it("show the fact of the day, tagged with facts, expiring at the site's midnight", async () => {
    const { response, html, render } = await asCached(factRoute);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe(EMBED_CSP);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(html).toContain("<h1>Did you know?</h1>");
    expect(html).toMatch(new RegExp(`href="${siteUrl()}/facts/[a-z0-9-]+" target="_blank" rel="noopener"`));
    expect(html).not.toMatch(/<script/i);
    expect([...render.tags]).toContain(tags.facts);
    expect(render.expiresAt).toBe(nextSiteMidnight(new Date()).getTime());
  });

  it("show today's events with a link to the whole day, tagged with history", async () => {
    const { html, render } = await asCached(historyRoute);
    expect(html).toContain("<h1>Today in history</h1>");
    expect(html).toMatch(new RegExp(`href="${siteUrl()}/history/\\d{2}-\\d{2}" target="_blank" rel="noopener"`));
    expect([...render.tags]).toContain(tags.history);
    expect(render.expiresAt).toBeLessThanOrEqual(nextSiteMidnight(new Date()).getTime());
  });

  it("list the newest articles, of every category or of one, tagged with articles", async () => {
    const newest = await db.article.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      take: LATEST_WIDGET_LIMIT,
      select: { slug: true },
    });
    const all = await asCached(() => latest());
    expect(all.response.status).toBe(200);
    const linked = [...all.html.matchAll(/\/articles\/([a-z0-9-]+)"/g)].map((match) => match[1]);
    expect(linked).toEqual(newest.map((article) => article.slug));
    expect([...all.render.tags]).toContain(tags.articles);

    const science = await asCached(() => latest("?category=science&utm_source=blog"));
    expect(science.html).toContain("<h1>Latest in Science</h1>");
    const inScience = await db.article.count({
      where: {
        status: "PUBLISHED",
        category: { slug: "science" },
        slug: { in: [...science.html.matchAll(/\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]!) },
      },
    });
    expect(inScience).toBe(LATEST_WIDGET_LIMIT);
    expect(science.html).toContain(`href="${siteUrl()}/categories/science"`);
  });

  it("say 'no such category' with a 404, never a 500, for a category Quire does not have", async () => {
    for (const query of ["?category=no-such-category", "?category=../../etc", `?category=${"x".repeat(500)}`, "?category=%00"]) {
      const { response, html, render } = await asCached(() => latest(query));
      expect(response.status, query).toBe(404);
      expect(response.headers.get("content-security-policy"), query).toBe(EMBED_CSP);
      expect(html, query).toContain("No such category");
      expect(Buffer.byteLength(html), query).toBeLessThanOrEqual(EMBED_BUDGET_BYTES);
      if (query === "?category=no-such-category") expect([...render.tags]).toContain(tags.articles);
    }
    // An empty category is every category.
    expect((await latest("?category=")).status).toBe(200);
  });

  it("stay within 5 KB for every category, every fact and every day of the demo content", async () => {
    const sizes: Record<string, number> = {};
    sizes.all = Buffer.byteLength(await (await latest()).text());
    for (const category of content.categories) {
      sizes[category.slug] = Buffer.byteLength(await (await latest(`?category=${category.slug}`)).text());
    }
    for (const fact of content.facts) sizes[`fact ${fact.slug}`] = Buffer.byteLength(factEmbed(siteUrl(), fact));
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day, 12));
      sizes[`history ${date.toISOString().slice(5, 10)}`] = Buffer.byteLength(
        historyEmbed(siteUrl(), await getTodayInHistory(date)),
      );
    }
    const over = Object.entries(sizes).filter(([, bytes]) => bytes > EMBED_BUDGET_BYTES);
    expect(over).toEqual([]);
    expect(Object.keys(sizes).length).toBeGreaterThan(366 + content.facts.length);
  });

  it("are loaded by a script that is plain JavaScript and names every embed", async () => {
    const response = loaderRoute();
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const script = await response.text();
    expect(() => new Function(script)).not.toThrow();
    for (const path of ["/embed/fact", "/embed/history", "/embed/latest"]) expect(script).toContain(path);
    expect(Buffer.byteLength(script)).toBeLessThanOrEqual(2048);
  });
});

describe("a printed article's short link", () => {
  it("answers 301 to the article's current address, and 404 for anything else", async () => {
    const author = await createUser(db);
    const article = await createArticle(db, { authorId: author.id });
    const { response, render } = await asCached(() =>
      shortLinkRoute(new Request(`http://localhost/a/${article.id}`), { params: Promise.resolve({ id: String(article.id) }) }),
    );
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`/articles/${article.slug}`);
    expect([...render.tags]).toContain(tags.article(article.id));

    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    for (const id of [String(article.id), "0", "12abc", "99999999999999999999"]) {
      const missing = await shortLinkRoute(new Request(`http://localhost/a/${id}`), { params: Promise.resolve({ id }) });
      expect(missing.status, id).toBe(404);
    }
  });
});
