import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clip, factEmbed, historyEmbed, latestEmbed, noSuchCategoryEmbed } from "@/lib/widgets/embed-html";
import { escapeHtml } from "@/lib/text";
import { iframeCode, scriptCode } from "@/lib/widgets/embed-code";
import { widgetByKind, WIDGETS } from "@/lib/widgets/catalogue";
import { latestWidgetQuery, queryOf } from "@/lib/widgets/schema";
import { pageKey } from "@/lib/response-cache/routes";
import { pageFromResponse } from "@/lib/response-cache/page";

const SITE = "https://quire.example.org";
const BUDGET = 5 * 1024;
const request = (url: string) => ({ method: "GET", url, headers: {} }) as unknown as IncomingMessage;
const hrefs = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)"([^>]*)>/g)].map((match) => ({ href: match[1]!, rest: match[2]! }));

describe("an embed's HTML", () => {
  it("escapes what editors wrote, so a title cannot become markup", () => {
    const html = latestEmbed(SITE, {
      category: null,
      articles: [{ slug: "x", title: `<script>alert("hi")</script> & 'quotes'` }],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(escapeHtml(`a"b<c>&'`)).toBe("a&quot;b&lt;c&gt;&amp;&#39;");
  });

  it("opens every link on Quire, absolute, in a new tab without giving it the frame", () => {
    const pages = [
      factEmbed(SITE, { slug: "point-nemo", title: "Point Nemo", summary: "Far from land." }),
      historyEmbed(SITE, {
        today: { month: 12, day: 3 },
        events: [{ year: 1967, title: "A heart", text: "Transplanted." }],
      }),
      latestEmbed(SITE, {
        category: { slug: "science", name: "Science" },
        articles: [{ slug: "why-is-the-sky-blue", title: "Why?" }],
      }),
      noSuchCategoryEmbed(SITE),
    ];
    for (const html of pages) {
      const links = hrefs(html);
      expect(links.length).toBeGreaterThan(1);
      for (const link of links) {
        expect(link.href.startsWith(`${SITE}/`), link.href).toBe(true);
        expect(link.rest).toContain(' target="_blank" rel="noopener"');
      }
      expect(html).not.toMatch(/<script|<form|<link /i);
    }
    expect(hrefs(pages[1]!).map((link) => link.href)).toContain(`${SITE}/history/12-03`);
  });

  it("stays within 5 KB however long the text it shows", () => {
    const long = "word ".repeat(2000);
    const slug = "a".repeat(80);
    const biggest = [
      factEmbed(SITE, { slug, title: long, summary: long }),
      historyEmbed(SITE, {
        today: { month: 9, day: 30 },
        events: Array.from({ length: 3 }, (_, i) => ({ year: 1900 + i, title: long, text: long })),
      }),
      latestEmbed(SITE, { category: { slug, name: long }, articles: Array.from({ length: 5 }, () => ({ slug, title: long })) }),
    ];
    for (const html of biggest) expect(Buffer.byteLength(html)).toBeLessThanOrEqual(BUDGET);
  });

  it("clips text at a word with an ellipsis, and leaves short text alone", () => {
    expect(clip("short", 10)).toBe("short");
    expect(clip("one two three four five", 12)).toBe("one two…");
    expect(clip("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("the latest-articles query", () => {
  it("takes a category slug or nothing, and refuses anything that cannot be a slug", () => {
    expect(latestWidgetQuery.parse({})).toEqual({});
    expect(latestWidgetQuery.parse({ category: "" })).toEqual({ category: undefined });
    expect(latestWidgetQuery.parse({ category: " science " })).toEqual({ category: "science" });
    for (const category of ["../x", "Science", "a b", "x".repeat(81), "-x"]) {
      expect(latestWidgetQuery.safeParse({ category }).success, category).toBe(false);
    }
    expect(queryOf(new URL("http://q/embed/latest?category=a&category=b&other=1"))).toEqual({ category: "a", other: "1" });
  });
});

describe("the snippets on the widgets page", () => {
  it("frame the embed at Quire's own address, or load the script that does", () => {
    const latest = widgetByKind("latest");
    expect(iframeCode(SITE, latest, "science")).toMatch(
      /^<iframe src="https:\/\/quire\.example\.org\/embed\/latest\?category=science" title="Latest articles \(Quire\)" width="320" height="\d+"/,
    );
    expect(scriptCode(SITE, latest, "science")).toBe(
      `<script async src="${SITE}/embed.js" data-quire-widget="latest" data-category="science"></script>`,
    );
    expect(WIDGETS.map((widget) => scriptCode(SITE, widget))).toEqual([
      `<script async src="${SITE}/embed.js" data-quire-widget="fact"></script>`,
      `<script async src="${SITE}/embed.js" data-quire-widget="history"></script>`,
      `<script async src="${SITE}/embed.js" data-quire-widget="latest"></script>`,
    ]);
  });
});

describe("the response cache and the embeds", () => {
  it("keeps each embed under one key, with only the parameters it reads", () => {
    expect(pageKey(request("/embed/fact?utm_source=blog"))).toBe("/embed/fact");
    expect(pageKey(request("/embed/history"))).toBe("/embed/history");
    expect(pageKey(request("/embed/latest?utm_source=x&category=science"))).toBe("/embed/latest?category=science");
    expect(pageKey(request("/embed.js?v=2"))).toBe("/embed.js");
    expect(pageKey(request("/widgets?category=money&utm_medium=x"))).toBe("/widgets?category=money");
    expect(pageKey(request("/a/12"))).toBe("/a/12");
    expect(pageKey(request("/embed/other"))).toBeNull();
  });

  it("stores the framing headers Next set, so a cached page is framed (or refused) as a fresh one", () => {
    const headers = {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "cache-control": "private, no-store",
    };
    const page = pageFromResponse(
      "/",
      { status: 200, headers, body: Buffer.from("<p>hi</p>") },
      { tags: new Set(["site"]), expiresAt: 0 },
    );
    expect(page.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["cache-control"]).toBeUndefined();
  });
});
