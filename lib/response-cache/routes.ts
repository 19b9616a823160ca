import type { IncomingMessage } from "node:http";

/**
 * The public pages the response cache may hold: the same for every reader
 * (what is personal is filled in by the browser), so one render serves all.
 * `query` lists the parameters a page reads; they, and only they, are part of
 * its key, so `?utm_source=...` does not make a new entry.
 *
 * Anything not listed here (accounts, moderation, the API, a guest's own
 * "awaiting moderation" page) always goes to Next.
 */
type CacheableRoute = { path: RegExp; query?: readonly string[] };

const SEGMENT = "[^/]+";
const ROUTES: readonly CacheableRoute[] = [
  { path: /^\/$/ },
  { path: new RegExp(`^/articles/${SEGMENT}$`) },
  { path: new RegExp(`^/articles/${SEGMENT}/posts/${SEGMENT}$`) },
  { path: new RegExp(`^/articles/${SEGMENT}/print$`) },
  { path: /^\/a\/\d+$/ },
  { path: new RegExp(`^/categories/${SEGMENT}$`) },
  { path: new RegExp(`^/authors/${SEGMENT}$`) },
  { path: new RegExp(`^/facts(/${SEGMENT})?$`) },
  { path: new RegExp(`^/history(/${SEGMENT})?$`) },
  { path: /^\/widgets$/, query: ["category"] },
  // The widgets other sites embed, and their loader script.
  { path: /^\/embed\/(fact|history)$/ },
  { path: /^\/embed\/latest$/, query: ["category"] },
  { path: /^\/embed\.js$/ },
  { path: /^\/search$/, query: ["q", "page"] },
  { path: /^\/(feed|atom)\.xml$/ },
  { path: /^\/(sitemap\.xml|robots\.txt)$/ },
  { path: new RegExp(`^/sitemaps/${SEGMENT}$`) },
  { path: new RegExp(`^/categories/${SEGMENT}/(feed|atom)\\.xml$`) },
  { path: new RegExp(`^/articles/${SEGMENT}/discussion/(feed|atom)\\.xml$`) },
];

/**
 * Headers of Next's client-side navigation and server actions: those requests
 * get a different response for the same URL (an RSC payload, an action's
 * result) and always go to Next.
 */
const ROUTER_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

/** The cache key of a request for a cacheable page, or null if the request must go to Next. */
export function pageKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const route = ROUTES.find((r) => r.path.test(path));
  if (!route) return null;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return null;
  if (queryAt === -1) return path;
  const query = new URLSearchParams(url.slice(queryAt + 1));
  if (query.has("_rsc")) return null;
  const kept = (route.query ?? [])
    .filter((name) => query.has(name))
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query.get(name)!)}`);
  return kept.length > 0 ? `${path}?${kept.join("&")}` : path;
}
