// After each restart: the article's pages, loaded anonymously through the
// response cache, show every post acknowledged as visible before the kill; the
// cache starts empty (the first load of each page is a miss, the next a hit);
// and a post approved after the restart is on the very next load.
import { approve, PendingPosts, sendPost, type Sessions } from "./clients.mjs";
import type { Answer, Ledger } from "./ledger.mjs";

/** Posts per discussion page (lib/discussion/queries.ts): page 1 holds Posts 1-50. */
const POSTS_PER_PAGE = 50;

export type CacheFigures = {
  pagesLoaded: number;
  postsChecked: number;
  approvedAfterRestart: number;
  failures: string[];
};

type CheckOptions = { baseUrl: string; slug: string; sessions: Sessions; ledger: Ledger; pending: PendingPosts; tag: string };

export function newCacheFigures(): CacheFigures {
  return { pagesLoaded: 0, postsChecked: 0, approvedAfterRestart: 0, failures: [] };
}

/** Each post the log says is visible on `slug`, by number: its marker. */
function visiblePosts(ledger: Ledger, slug: string): Map<number, string> {
  const markerById = new Map<number, string>();
  const visible = new Map<number, string>();
  for (const post of ledger.posts) {
    if (post.slug !== slug || post.id === undefined) continue;
    markerById.set(post.id, post.marker);
    if (typeof post.number === "number") visible.set(post.number, post.marker);
  }
  for (const approval of ledger.approvals) {
    const marker = markerById.get(approval.id);
    if (approval.result === "acked" && typeof approval.number === "number" && marker) visible.set(approval.number, marker);
  }
  return visible;
}

const pageOf = (number: number) => Math.ceil(number / POSTS_PER_PAGE);

async function pageCount({ baseUrl, slug, ledger }: CheckOptions): Promise<number> {
  const answer = await ledger.send("GET /api/articles/[slug]/comments", `${baseUrl}/api/articles/${slug}/comments`, {});
  const pages = answer?.status === 200 ? (JSON.parse(answer.text) as { pages: number }).pages : null;
  if (!pages) throw new Error(`the discussion API of ${slug} did not answer with its page count (${answer?.status})`);
  return pages;
}

/** Loads discussion page `page` of `pages` as a guest; the newest is the article's own address. */
async function loadPage(options: CheckOptions, page: number, pages: number): Promise<Answer> {
  const path = page === pages ? `/articles/${options.slug}` : `/articles/${options.slug}/posts/${page}`;
  const answer = await options.ledger.send("GET article page (check)", `${options.baseUrl}${path}`, {});
  if (answer?.status !== 200) throw new Error(`${path} answered ${answer?.status ?? "nothing"} after the restart`);
  return answer;
}

/** The posts of `visible` that belong on `page` and are not on it, as failures. */
function missingFrom(answer: Answer, page: number, visible: Map<number, string>, when: string, figures: CacheFigures) {
  for (const [number, marker] of visible) {
    if (pageOf(number) !== page) continue;
    figures.postsChecked++;
    if (!answer.text.includes(`data-post-number="${number}"`) || !answer.text.includes(marker)) {
      figures.failures.push(`${when}: Post ${number} (${marker}) is missing from discussion page ${page}`);
    }
  }
}

function expectCacheState(answer: Answer, expected: "hit" | "miss", what: string, figures: CacheFigures) {
  const state = answer.headers.get("x-quire-cache");
  if (state !== expected) figures.failures.push(`${what}: X-Quire-Cache was ${state ?? "absent"}, not ${expected}`);
}

export async function checkPagesAfterRestart(options: CheckOptions, figures: CacheFigures): Promise<void> {
  const visible = visiblePosts(options.ledger, options.slug);
  const pages = await pageCount(options);
  for (let page = 1; page <= pages; page++) {
    const answer = await loadPage(options, page, pages);
    figures.pagesLoaded++;
    expectCacheState(answer, "miss", `the first load of discussion page ${page} after the restart`, figures);
    missingFrom(answer, page, visible, "after the restart", figures);
  }
  const again = await loadPage(options, pages, pages);
  figures.pagesLoaded++;
  expectCacheState(again, "hit", "the second load of the newest page after the restart", figures);
  missingFrom(again, pages, visible, "from the cache after the restart", figures);

  await approveAfterRestart(options, figures);
}

/**
 * Approves what the moderator had not approved when the server died (and a
 * guest post sent now, so there is always one), then loads the page each one
 * landed on: the cached newest page must have been dropped.
 */
async function approveAfterRestart(options: CheckOptions, figures: CacheFigures): Promise<void> {
  const { baseUrl, sessions, ledger, pending, tag } = options;
  await sendPost(options, `${tag}-after-restart`, null);
  const approvedNow = new Map<number, string>();
  for (const id of pending.drain()) {
    const approval = await approve(baseUrl, sessions.moderator, ledger, id);
    const marker = ledger.posts.find((post) => post.id === id)?.marker;
    if (typeof approval.number === "number" && marker) approvedNow.set(approval.number, marker);
    if (approval.result === "unknown") throw new Error(`approving post ${id} after the restart got no answer`);
  }
  figures.approvedAfterRestart += approvedNow.size;
  if (approvedNow.size === 0) {
    figures.failures.push("no post could be approved after the restart");
    return;
  }
  const pages = await pageCount(options);
  const newest = await loadPage(options, pages, pages);
  figures.pagesLoaded++;
  expectCacheState(newest, "miss", "the newest page after an approval", figures);
  missingFrom(newest, pages, approvedNow, "after an approval following the restart", figures);
  for (const page of new Set([...approvedNow.keys()].map(pageOf))) {
    if (page === pages) continue;
    figures.pagesLoaded++;
    missingFrom(await loadPage(options, page, pages), page, approvedNow, "after an approval following the restart", figures);
  }
}
