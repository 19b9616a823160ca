import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectServerDatabase } from "../helpers/server-db";
import { createArticle, createUser } from "../helpers/factories";
import { createApprovedPost, createTrustedReader } from "../helpers/posts";
import { loginCookie } from "../helpers/session";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";
import { rawRequest } from "../helpers/raw-http";

// The production server's response cache, through HTTP: what readers get,
// and that every kind of write is on the next anonymous page view. No test
// here sleeps: invalidation happens before the writer's response is sent.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const PASSWORD = "response cache password";
const RAISED = { max: 100_000, windowSeconds: 60 };
let restoreSettings: () => Promise<void>;
let editorId: number;
let lobbyId: number;
let moderatorCookie: string;

beforeAll(async () => {
  restoreSettings = await changeSiteSettings(serverDb, { commentRateLimitPerIp: RAISED, commentRateLimitPerUser: RAISED });
  editorId = (await createUser(serverDb, { role: "EDITOR" })).id;
  lobbyId = (await newArticle()).id;
  moderatorCookie = await loginCookie("moderator", "quire-moderator-2026");
});
afterAll(async () => {
  await restoreSettings?.();
  await clearRateLimits(serverDb, "comment:");
  await serverDb.article.deleteMany({ where: { authorId: editorId } });
  await serverDb.$disconnect();
});

/** A new article no one has asked for yet: its page is not in the cache. */
const newArticle = () => createArticle(serverDb, { authorId: editorId });
const articlePath = (slug: string) => `/articles/${slug}`;

async function trustedReaderCookie() {
  const reader = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
  return { reader, cookie: await loginCookie(reader.username, PASSWORD) };
}

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${baseURL}${path}`, { headers });
const html = async (path: string) => (await get(path)).body.toString("utf8");

function sameSiteJson(method: string, path: string, body: unknown, cookie?: string) {
  return fetch(`${baseURL}${path}`, {
    method,
    headers: { "content-type": "application/json", origin: baseURL, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function post(slug: string, body: string, cookie?: string): Promise<{ id: number; status: string; number: number | null }> {
  const response = await sameSiteJson("POST", `/api/articles/${slug}/comments`, { body }, cookie);
  expect(response.status).toBe(201);
  return response.json();
}

async function moderate(commentId: number, action: string) {
  const response = await sameSiteJson("POST", `/api/moderation/comments/${commentId}`, { action }, moderatorCookie);
  expect(response.status).toBe(200);
}

/** Asks twice, so the page is in the cache before the write under test. */
async function warm(path: string): Promise<string> {
  await get(path);
  const second = await get(path);
  expect(second.headers["x-quire-cache"]).toBe("hit");
  return second.body.toString("utf8");
}

describe("an anonymous reader", () => {
  it("gets a public page rendered once, then from memory, with headers that let a shared cache keep it briefly", async () => {
    const article = await newArticle();
    const first = await get(articlePath(article.slug));
    const second = await get(articlePath(article.slug));
    expect([first.status, first.headers["x-quire-cache"], second.headers["x-quire-cache"]]).toEqual([200, "miss", "hit"]);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(second.headers.vary).toMatch(/Accept-Encoding/);
    expect(String(second.headers["cache-tag"]).split(",")).toEqual(
      expect.arrayContaining([`article:${article.id}`, `posts:${article.id}`, "site"]),
    );
    expect(second.headers["set-cookie"]).toBeUndefined();
  });

  it("gets 304 and no body for a page they already have, and headers alone for HEAD", async () => {
    const article = await newArticle();
    const { headers } = await get(articlePath(article.slug));
    const again = await get(articlePath(article.slug), { "if-none-match": headers.etag! });
    expect([again.status, again.body.length, again.headers.etag]).toEqual([304, 0, headers.etag]);
    const head = await rawRequest(`${baseURL}${articlePath(article.slug)}`, { method: "HEAD" });
    expect([head.status, head.body.length, head.headers["content-length"]]).toEqual([200, 0, headers["content-length"]]);
  });

  it("gets brotli or gzip as their browser accepts, each decoding to the very same page", async () => {
    const article = await newArticle();
    const identity = await get(articlePath(article.slug), { "accept-encoding": "identity" });
    // Compression runs beside serving, once per page: the first readers may get the page uncompressed.
    let br = await get(articlePath(article.slug), { "accept-encoding": "gzip, deflate, br" });
    for (let tries = 0; br.headers["content-encoding"] !== "br" && tries < 100; tries++) {
      await new Promise((resolve) => setImmediate(resolve));
      br = await get(articlePath(article.slug), { "accept-encoding": "gzip, deflate, br" });
    }
    const gzip = await get(articlePath(article.slug), { "accept-encoding": "gzip" });
    expect([br.headers["content-encoding"], gzip.headers["content-encoding"], identity.headers["content-encoding"]]).toEqual([
      "br",
      "gzip",
      undefined,
    ]);
    expect(zlib.brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.body.length / 3);
    expect(new Set([br.headers.etag, gzip.headers.etag, identity.headers.etag]).size).toBe(3);
    const refused = await get(articlePath(article.slug), { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("and a signed-in reader get the same page, whoever asks first, and neither is sent a cookie", async () => {
    const { reader, cookie } = await trustedReaderCookie();
    for (const firstAsker of ["signed in", "anonymous"]) {
      const article = await newArticle();
      const signedIn = () => get(articlePath(article.slug), { cookie });
      const anonymous = () => get(articlePath(article.slug));
      const [first, second] =
        firstAsker === "signed in" ? [await signedIn(), await anonymous()] : [await anonymous(), await signedIn()];
      expect([first.headers["x-quire-cache"], second.headers["x-quire-cache"]]).toEqual(["miss", "hit"]);
      expect(second.body.equals(first.body)).toBe(true);
      expect(first.body.toString("utf8")).not.toContain(reader.username);
      expect([first.headers["set-cookie"], second.headers["set-cookie"]]).toEqual([undefined, undefined]);
    }
  });

  it("who arrives with 31 others at a page nobody has asked for causes one render", async () => {
    const article = await newArticle();
    const answers = await Promise.all(Array.from({ length: 32 }, () => get(articlePath(article.slug))));
    expect(answers.filter((a) => a.headers["x-quire-cache"] === "miss")).toHaveLength(1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(answers.every((a) => a.body.equals(answers[0]!.body))).toBe(true);
  });

  it("gets an unknown article's 404 page from the cache too", async () => {
    const path = "/articles/no-such-article-in-the-cache";
    const [first, second] = [await get(path), await get(path)];
    expect([first.status, second.status, second.headers["x-quire-cache"]]).toEqual([404, 404, "hit"]);
    expect(second.body.toString("utf8")).toContain("<html");
  });

  it("of a page the cache does not keep (logging in, moderation) is answered by Next, never from memory", async () => {
    for (const path of ["/login", "/moderate", "/api/account/me"]) {
      const [first, second] = [await get(path), await get(path)];
      expect([first.headers["x-quire-cache"], second.headers["x-quire-cache"]]).toEqual([undefined, undefined]);
      expect(second.headers["cache-control"]).toMatch(/no-store/);
    }
  });
});

describe("the next anonymous page view after a write shows it", () => {
  it("a signed-in reader's new post, their edit, and their removal", async () => {
    const article = await newArticle();
    const { cookie } = await trustedReaderCookie();
    await warm(articlePath(article.slug));

    const posted = await post(article.slug, "A reader's first thoughts, freshly cached.", cookie);
    expect(posted.status).toBe("approved");
    expect(await html(articlePath(article.slug))).toContain("A reader&#x27;s first thoughts, freshly cached.");

    const edited = await sameSiteJson(
      "PATCH",
      `/api/comments/${posted.id}`,
      { body: "A reader's second thoughts, freshly cached." },
      cookie,
    );
    expect(edited.status).toBe(200);
    const afterEdit = await html(articlePath(article.slug));
    expect([afterEdit.includes("second thoughts, freshly"), afterEdit.includes("first thoughts, freshly")]).toEqual([
      true,
      false,
    ]);

    const removed = await fetch(`${baseURL}/api/comments/${posted.id}`, {
      method: "DELETE",
      headers: { origin: baseURL, cookie },
    });
    expect(removed.status).toBe(200);
    expect(await html(articlePath(article.slug))).not.toContain("second thoughts, freshly");
  });

  it("a moderator's approval of a held post, its removal and its restoring", async () => {
    const article = await newArticle();
    await warm(articlePath(article.slug));
    const held = await post(article.slug, "A guest's question that waits for a moderator.");
    expect(held.status).toBe("pending");
    expect((await get(articlePath(article.slug))).headers["x-quire-cache"]).toBe("hit");

    await moderate(held.id, "approve");
    expect(await html(articlePath(article.slug))).toContain("A guest&#x27;s question that waits for a moderator.");
    await moderate(held.id, "delete");
    expect(await html(articlePath(article.slug))).not.toContain("waits for a moderator");
    await moderate(held.id, "restore");
    expect(await html(articlePath(article.slug))).toContain("waits for a moderator");
  });

  it("a change to an old post, on the older-posts page that shows it", async () => {
    const article = await newArticle();
    const posts = [];
    for (let i = 0; i < 51; i++)
      posts.push(await createApprovedPost(serverDb, { articleId: article.id, body: `Old post number ${i + 1} here` }));
    const olderPage = `${articlePath(article.slug)}/posts/1`;
    expect(await warm(olderPage)).toContain("Old post number 1 here");

    await moderate(posts[0]!.id, "reject");
    expect(await html(olderPage)).not.toContain("Old post number 1 here");
  });
});
