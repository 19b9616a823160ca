import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/config";

type Feed = { path: string; title: string };

const SITE_FEED: Feed = { path: "/", title: `${SITE_NAME}: the latest articles` };

/** Where a page's feeds live: `<page>/feed.xml` (RSS 2.0) and `<page>/atom.xml` (Atom 1.0). */
export function feedPath(pagePath: string, format: "rss" | "atom"): string {
  return `${pagePath === "/" ? "" : pagePath}/${format === "rss" ? "feed" : "atom"}.xml`;
}

/**
 * `<link rel="alternate">` for the site's feeds and a page's own, so that feed
 * readers find them from any page. (Next replaces a parent's `alternates`, so
 * a page with its own feed lists the site's again.)
 */
export function feedAlternates(own?: Feed): NonNullable<Metadata["alternates"]>["types"] {
  const feeds = own ? [own, SITE_FEED] : [SITE_FEED];
  return {
    "application/rss+xml": feeds.map((feed) => ({ url: feedPath(feed.path, "rss"), title: `${feed.title} (RSS)` })),
    "application/atom+xml": feeds.map((feed) => ({ url: feedPath(feed.path, "atom"), title: `${feed.title} (Atom)` })),
  };
}
