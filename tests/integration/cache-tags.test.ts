import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { installPageCacheHooks, tags, type PageRender } from "@/lib/cache";
import { PageStore, type CachedPage } from "@/lib/response-cache/store";
import { nextSiteMidnight } from "@/lib/calendar";
import { getPublishedArticle, listLatestArticles, listRelatedArticles } from "@/lib/articles/queries";
import { listApprovedPosts } from "@/lib/discussion/queries";
import { getFactOfTheDay } from "@/lib/facts/queries";
import { getTodaysEvent } from "@/lib/history/queries";
import { postComment } from "@/lib/discussion/post-comment";
import { deleteOwnComment, editOwnComment } from "@/lib/discussion/change-own-comment";
import { moderatePost, editPost } from "@/lib/moderation/actions";
import { setDiscussionState } from "@/lib/moderation/discussion";
import { createPendingComment, createUser } from "../helpers/factories";
import { input, ip, newThread, trustedReader } from "../helpers/discussion";

// The production server's response cache learns a page's tags from the
// queries it runs and drops pages by the tags writes name. Here the same hooks
// are installed around a real PageStore, with the real lib/ reads and writes.

let store: PageStore;
let render: PageRender | undefined;

beforeEach(() => {
  store = new PageStore(1e8);
  installPageCacheHooks({ currentRender: () => render, invalidate: (changed) => store.invalidate(changed) });
});
afterEach(() => {
  installPageCacheHooks(undefined);
  render = undefined;
});

async function tagsRead(read: () => Promise<unknown>): Promise<PageRender> {
  render = { tags: new Set(), expiresAt: Number.MAX_SAFE_INTEGER };
  try {
    await read();
    return render;
  } finally {
    render = undefined;
  }
}

function cached(key: string, pageTags: string[]): void {
  const page: CachedPage = {
    key,
    status: 200,
    headers: {},
    body: Buffer.from(key),
    encoded: {},
    etag: key,
    tags: [tags.site, ...pageTags],
    expiresAt: Date.now() + 60_000,
    wire: new Map(),
  };
  store.put(page, store.renderStarted());
}

/** An article page and its neighbours, cached as the server would tag them. */
async function cachedPages() {
  const article = await newThread();
  const other = await newThread();
  const articlePage = (a: { id: number; slug: string }) => [
    tags.articles,
    tags.article(a.id),
    tags.posts(a.id),
    tags.facts,
    tags.history,
  ];
  cached(`/articles/${article.slug}`, articlePage(article));
  cached(`/articles/${article.slug}/print`, [tags.articles, tags.article(article.id)]);
  cached(`/articles/${other.slug}`, articlePage(other));
  cached("/facts", [tags.facts]);
  return { article, other };
}

const stillCached = (...keys: string[]) => keys.map((key) => store.get(key) !== undefined);

describe("what a page's reads name", () => {
  it("an article page names its article, its posts, the lists it is part of and the sidebar's data", async () => {
    const article = await newThread();
    const read = await tagsRead(async () => {
      const found = (await getPublishedArticle(article.slug))!;
      await listRelatedArticles({ id: found.id });
      await listApprovedPosts(found.id, 1);
      await getFactOfTheDay();
      await getTodaysEvent();
    });
    expect([...read.tags].sort()).toEqual(
      [tags.articles, tags.article(article.id), tags.posts(article.id), tags.facts, tags.history].sort(),
    );
  });

  it("the sidebar's 'today' makes the page expire at the site's next midnight", async () => {
    const now = new Date();
    const read = await tagsRead(() => getTodaysEvent(now));
    expect(read.expiresAt).toBe(nextSiteMidnight(now).getTime());
  });

  it("an unknown article is tagged too, so its 'not found' page goes when an article is published", async () => {
    const read = await tagsRead(() => getPublishedArticle("not-written-yet"));
    expect([...read.tags]).toEqual([tags.articles]);
  });

  it("the home page's list names the article lists", async () => {
    expect([...(await tagsRead(() => listLatestArticles())).tags]).toEqual([tags.articles]);
  });
});

describe("what writes drop", () => {
  it("a visible new post drops its article's pages that show posts, and nothing else", async () => {
    const { article, other } = await cachedPages();
    await postComment(article.slug, input("A post that shows at once"), await trustedReader(), { ipHash: ip() });
    expect(
      stillCached(`/articles/${article.slug}`, `/articles/${article.slug}/print`, `/articles/${other.slug}`, "/facts"),
    ).toEqual([false, true, true, true]);
  });

  it("a post held for moderation drops nothing: readers cannot see it yet", async () => {
    const { article } = await cachedPages();
    const posted = await postComment(article.slug, input("A guest's words"), null, { ipHash: ip() });
    expect(posted.status).toBe("pending");
    expect(stillCached(`/articles/${article.slug}`)).toEqual([true]);
  });

  it("an author's edit and removal of their own post drop the article's page", async () => {
    const { article } = await cachedPages();
    const author = await trustedReader();
    const posted = await postComment(article.slug, input("Teh first version"), author, { ipHash: ip() });
    cached(`/articles/${article.slug}`, [tags.posts(article.id)]);
    await editOwnComment(posted.id, { body: "The first version" }, author);
    expect(stillCached(`/articles/${article.slug}`)).toEqual([false]);
    cached(`/articles/${article.slug}`, [tags.posts(article.id)]);
    await deleteOwnComment(posted.id, author);
    expect(stillCached(`/articles/${article.slug}`)).toEqual([false]);
  });

  it("a moderator's approval, edit and removal each drop the article's page", async () => {
    const { article, other } = await cachedPages();
    const moderator = await createUser(db, { role: "MODERATOR" });
    const held = await createPendingComment(db, { articleId: article.id });
    const page = `/articles/${article.slug}`;

    await moderatePost(moderator, { commentId: held.id, action: "approve" });
    expect(stillCached(page, `/articles/${other.slug}`)).toEqual([false, true]);
    cached(page, [tags.posts(article.id)]);
    await editPost(moderator, { commentId: held.id, body: "Words a moderator tidied" });
    expect(stillCached(page)).toEqual([false]);
    cached(page, [tags.posts(article.id)]);
    await moderatePost(moderator, { commentId: held.id, action: "delete" });
    expect(stillCached(page)).toEqual([false]);
  });

  it("closing a discussion drops the article's pages, which say so", async () => {
    const { article, other } = await cachedPages();
    const moderator = await createUser(db, { role: "MODERATOR" });
    await setDiscussionState(moderator, { articleId: article.id, state: "closed" });
    expect(stillCached(`/articles/${article.slug}`, `/articles/${article.slug}/print`, `/articles/${other.slug}`)).toEqual([
      false,
      false,
      true,
    ]);
  });
});
