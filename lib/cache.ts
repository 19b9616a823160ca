/**
 * Cache tags: the one vocabulary shared by the pages that read data and the
 * writes that change it.
 *
 * The production server (scripts/server/serve.mts, lib/response-cache/) keeps rendered
 * public pages in memory. While it renders a page for the cache, every query in
 * lib/ that the page runs names what it read (`tagPage`), so the entry knows
 * its tags. Every write in lib/ names what it changed, through `pagesChanged`
 * and the `changed` table below, right after its transaction commits; the
 * server drops the entries holding those tags at once, before the writer's
 * response is sent, so the next reader gets a fresh render.
 *
 * Outside that server (tests, `next dev`, a bare `next start`) nothing is
 * installed and both calls do nothing.
 *
 * This module must stay free of "server-only" and the database: the server
 * bundle imports it directly, outside React Server Components.
 */

export const tags = {
  /** Every cached page: a purge of everything. */
  site: "site",
  /** Anything that lists published articles or looks one up by slug (a miss included, so a 404 goes when the article appears). */
  articles: "articles",
  /** One article's text, details and discussion state. */
  article: (articleId: number) => `article:${articleId}`,
  /** The approved posts under one article. */
  posts: (articleId: number) => `posts:${articleId}`,
  facts: "facts",
  history: "history",
} as const;

/** What each kind of write changes: the single place where writes meet tags. */
export const changed = {
  /** A post became visible, was edited, or was removed or restored (by its author or a moderator). */
  posts: (articleId: number) => [tags.posts(articleId)],
  /** A discussion was closed or reopened. */
  discussionState: (articleId: number) => [tags.article(articleId)],
  /** An article was published, changed, unpublished or removed: its page, and every list that may show it. */
  article: (articleId: number) => [tags.article(articleId), tags.articles],
  /**
   * A category or tag was created, renamed, re-addressed or removed. Every read
   * that shows them (the home page's category list, category pages, an
   * article's category and tags) is tagged `articles`.
   */
  taxonomy: () => [tags.articles],
  facts: () => [tags.facts],
  history: () => [tags.history],
  /** Something every page shows (the site's name, its navigation). */
  everything: () => [tags.site],
} as const;

/** What a render for the cache collects as it goes. */
export type PageRender = {
  tags: Set<string>;
  /** The entry must be dropped by this time (ms since the epoch), e.g. at the site's midnight. */
  expiresAt: number;
};

/** What the production server installs into the process. */
export interface PageCacheHooks {
  /** The cache render this code runs inside, if any. */
  currentRender(): PageRender | undefined;
  /** Drops every cached page holding any of these tags. Synchronous. */
  invalidate(tags: readonly string[]): void;
}

const HOOKS = Symbol.for("quire.page-cache");
type WithHooks = typeof globalThis & { [HOOKS]?: PageCacheHooks };

export function installPageCacheHooks(hooks: PageCacheHooks | undefined): void {
  (globalThis as WithHooks)[HOOKS] = hooks;
}

function hooks(): PageCacheHooks | undefined {
  return (globalThis as WithHooks)[HOOKS];
}

/** Called by reads: the page being rendered shows data under these tags. */
export function tagPage(...pageTags: string[]): void {
  const render = hooks()?.currentRender();
  if (render) for (const tag of pageTags) render.tags.add(tag);
}

/** Called by reads of time-dependent data: the page being rendered goes stale at `when`. */
export function expirePageAt(when: Date): void {
  const render = hooks()?.currentRender();
  if (render) render.expiresAt = Math.min(render.expiresAt, when.getTime());
}

/** Called by writes after their transaction commits, with tags from `changed`. */
export function pagesChanged(changedTags: readonly string[]): void {
  hooks()?.invalidate(changedTags);
}
