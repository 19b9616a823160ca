import "server-only";
import { Readable } from "node:stream";
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from "sitemap";
import { db } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";
import { publishedWhere } from "@/lib/articles/queries";
import { listDaysWithEvents } from "@/lib/history/queries";
import { listFacts } from "@/lib/facts/queries";
import { formatMonthDaySlug } from "@/lib/calendar";
import { siteUrl } from "@/lib/config";

/** The sitemap protocol's limit of addresses per file; past it, /sitemap.xml becomes an index. */
export const URLS_PER_SITEMAP = 50_000;

export type SitemapUrl = { url: string; lastmod?: Date };

/** Every public page a search engine should know: articles with their Last Modified Date, and the rest. */
export async function listSitemapUrls(): Promise<SitemapUrl[]> {
  tagPage(tags.articles, tags.facts, tags.history);
  const [articles, categories, authors, facts, days] = await Promise.all([
    db.article.findMany({ where: publishedWhere, orderBy: { id: "asc" }, select: { slug: true, updatedAt: true } }),
    db.category.findMany({ orderBy: { id: "asc" }, select: { slug: true } }),
    db.user.findMany({
      where: { articlesWritten: { some: publishedWhere } },
      orderBy: { id: "asc" },
      select: { username: true },
    }),
    listFacts(),
    listDaysWithEvents(),
  ]);
  const newest = articles.reduce<Date | undefined>(
    (latest, a) => (!latest || a.updatedAt > latest ? a.updatedAt : latest),
    undefined,
  );
  return [
    { url: "/", lastmod: newest },
    ...articles.map((a) => ({ url: `/articles/${a.slug}`, lastmod: a.updatedAt })),
    ...categories.map((c) => ({ url: `/categories/${c.slug}` })),
    ...authors.map((u) => ({ url: `/authors/${u.username}` })),
    { url: "/facts" },
    ...facts.map((f) => ({ url: `/facts/${f.slug}` })),
    { url: "/history" },
    ...days.map((d) => ({ url: `/history/${formatMonthDaySlug(d)}` })),
    { url: "/widgets" },
  ];
}

const toItem = ({ url, lastmod }: SitemapUrl): SitemapItemLoose => ({
  url,
  ...(lastmod ? { lastmod: lastmod.toISOString() } : {}),
});

async function urlset(urls: SitemapUrl[]): Promise<string> {
  const stream = new SitemapStream({ hostname: siteUrl() });
  return (await streamToPromise(Readable.from(urls.map(toItem)).pipe(stream))).toString();
}

/**
 * /sitemap.xml: the addresses themselves, or, past URLS_PER_SITEMAP, an index
 * of /sitemaps/<n>.xml files, each within the limit.
 */
export async function sitemapXml(urls: SitemapUrl[], perFile = URLS_PER_SITEMAP): Promise<string> {
  if (urls.length <= perFile) return urlset(urls);
  const files = Math.ceil(urls.length / perFile);
  const index = new SitemapIndexStream();
  const entries = Array.from({ length: files }, (_, i) => ({ url: `${siteUrl()}/sitemaps/${i + 1}.xml` }));
  return (await streamToPromise(Readable.from(entries).pipe(index))).toString();
}

/** Part `n` (from 1) of a sitemap too long for one file, or null past the end. */
export async function sitemapPartXml(urls: SitemapUrl[], n: number, perFile = URLS_PER_SITEMAP): Promise<string | null> {
  const part = urls.slice((n - 1) * perFile, n * perFile);
  return n >= 1 && part.length > 0 && urls.length > perFile ? urlset(part) : null;
}
