import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sitemapPartXml, sitemapXml, URLS_PER_SITEMAP } from "@/lib/seo/sitemap";
import { siteUrl } from "@/lib/config";

// The sitemap protocol allows 50,000 addresses a file: past that, /sitemap.xml
// must be an index of files each within the limit. Checked with a small limit.

const xml = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });
const urls = Array.from({ length: 7 }, (_, i) => ({ url: `/articles/a-${i}`, lastmod: new Date(Date.UTC(2026, 0, i + 1)) }));

describe("sitemap.xml", () => {
  it("lists the addresses themselves while they fit in one file", async () => {
    const { urlset } = xml.parse(await sitemapXml(urls, 7));
    expect(urlset.url).toHaveLength(7);
    expect(urlset.url[0]).toEqual({ loc: `${siteUrl()}/articles/a-0`, lastmod: "2026-01-01T00:00:00.000Z" });
  });

  it("becomes an index of parts, each within the limit, past it", async () => {
    const { sitemapindex } = xml.parse(await sitemapXml(urls, 3));
    expect(sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual(
      [1, 2, 3].map((n) => `${siteUrl()}/sitemaps/${n}.xml`),
    );
    const parts = await Promise.all([1, 2, 3].map((n) => sitemapPartXml(urls, n, 3)));
    const locs = parts.flatMap((part) => xml.parse(part!).urlset.url.map((u: { loc: string }) => u.loc));
    expect(locs).toEqual(urls.map((u) => `${siteUrl()}${u.url}`));
    expect(await sitemapPartXml(urls, 4, 3)).toBeNull();
    expect(await sitemapPartXml(urls, 0, 3)).toBeNull();
  });

  it("uses the protocol's own limit by default", () => {
    expect(URLS_PER_SITEMAP).toBe(50_000);
  });
});
