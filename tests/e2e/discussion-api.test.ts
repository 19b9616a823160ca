import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectServerDatabase } from "../helpers/server-db";
import { createArticle, createUser } from "../helpers/factories";
import { createApprovedPost, createTrustedReader } from "../helpers/posts";
import { loginCookie } from "../helpers/session";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const PASSWORD = "discussion api password";
const RAISED = { max: 100_000, windowSeconds: 60 };
let restoreSettings: () => Promise<void>;
let editorId: number;
/** Where trusted readers' earlier, approved posts live. */
let lobbyId: number;

beforeAll(async () => {
  // Every request here comes from 127.0.0.1: raise the limits for everything but the burst test.
  restoreSettings = await changeSiteSettings(serverDb, { commentRateLimitPerIp: RAISED, commentRateLimitPerUser: RAISED });
  editorId = (await createUser(serverDb, { role: "EDITOR" })).id;
  lobbyId = (await newArticle()).id;
});
afterAll(async () => {
  await restoreSettings?.();
  await clearRateLimits(serverDb, "comment:");
  await clearRateLimits(serverDb, "report:");
  // Leave the shared server's threads as the seed made them, for the next file.
  await serverDb.article.deleteMany({ where: { authorId: editorId } });
  await serverDb.$disconnect();
});

const newArticle = (options: { discussionOpen?: boolean } = {}) => createArticle(serverDb, { authorId: editorId, ...options });
const commentsUrl = (slug: string) => `${baseURL}/api/articles/${slug}/comments`;

function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** An address as the server stores it: keyed with the server's own secret, as lib/client-key.ts does. */
function serverHashOf(ip: string): string {
  const secret = fs.readFileSync(path.join(inject("serverDataDir"), "secret"), "utf8").trim();
  return crypto.createHmac("sha256", secret).update(`ip:${ip}`).digest("hex").slice(0, 32);
}

function receiptCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("quire-posts="));
  if (!cookie) throw new Error("no receipt cookie");
  return cookie.split(";")[0]!;
}

describe("posting through the API", () => {
  it("answers a guest 201 pending, and only that browser's receipt shows the post", async () => {
    const article = await newArticle();
    const response = await postJson(commentsUrl(article.slug), { body: "A guest asks a question." });
    expect(response.status).toBe(201);
    const posted = await response.json();
    expect(posted).toEqual({ id: expect.any(Number), status: "pending", number: null });
    const cookie = receiptCookie(response);
    expect(response.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=lax/i);

    const other = await postJson(commentsUrl(article.slug), { body: "Another guest's question." });
    const mine = async (headers: Record<string, string>) =>
      (await (await fetch(`${commentsUrl(article.slug)}/mine`, { headers })).json()).posts.map((p: { id: number }) => p.id);
    expect(await mine({ cookie })).toEqual([posted.id]);
    expect(await mine({ cookie: receiptCookie(other) })).toEqual([(await other.json()).id]);
    expect(await mine({})).toEqual([]);
    // A receipt with a guessed id and a made-up signature shows nothing.
    expect(await mine({ cookie: `quire-posts=${posted.id}-${posted.id + 1}.${"A".repeat(32)}` })).toEqual([]);

    const listed = await (await fetch(commentsUrl(article.slug))).json();
    expect(listed.posts).toEqual([]);
  });

  it("shows a signed-in user's post at once as the next Post N, to an anonymous reader's next request", async () => {
    const article = await newArticle();
    await createApprovedPost(serverDb, { articleId: article.id });
    const user = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const cookie = await loginCookie(user.username, PASSWORD);

    const response = await postJson(commentsUrl(article.slug), { body: "Signed in, and shown at once." }, { cookie });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "approved", number: 2 });
    expect(response.headers.getSetCookie().some((c) => c.startsWith("quire-posts="))).toBe(false);

    // The page cache is invalidated before the writer's answer is sent: the very next request shows the post.
    const html = await (await fetch(`${baseURL}/articles/${article.slug}`)).text();
    expect(html).toContain('id="post-2"');
    expect(html).toContain("Signed in, and shown at once.");

    const listed = await (await fetch(commentsUrl(article.slug))).json();
    expect(listed.posts[0]).toMatchObject({
      number: 2,
      posterName: user.username,
      body: "Signed in, and shown at once.",
      editedAt: null,
    });
  });

  it("knows a guest by the connection's address, not by one the guest writes in a header", async () => {
    const article = await newArticle();
    const forgeries: Record<string, string>[] = [
      {},
      { "x-forwarded-for": "198.51.100.7" },
      { "x-forwarded-for": "198.51.100.7, 198.51.100.8" },
      { "x-real-ip": "198.51.100.9" },
      { "x-quire-client-ip": "198.51.100.10" },
    ];
    for (const [i, headers] of forgeries.entries()) {
      expect((await postJson(commentsUrl(article.slug), { body: `A guest in disguise, take ${i}` }, headers)).status).toBe(201);
    }
    const stored = await serverDb.comment.findMany({ where: { articleId: article.id }, select: { ipHash: true } });
    expect(stored.map((post) => post.ipHash)).toEqual(forgeries.map(() => serverHashOf("127.0.0.1")));
  });

  it("refuses bad input with a 4xx and a message, and writes nothing", async () => {
    const article = await newArticle();
    const closed = await newArticle({ discussionOpen: false });
    const url = commentsUrl(article.slug);
    const cases: [string, () => Promise<Response>, number][] = [
      ["invalid JSON", () => postJson(url, '{"body": "unfinished'), 400],
      [
        "text/plain",
        () => fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: '{"body":"Plain text"}' }),
        415,
      ],
      ["a form post", () => fetch(url, { method: "POST", body: new URLSearchParams({ body: "From a form" }) }), 415],
      ["no body field", () => postJson(url, {}), 400],
      ["a one-character body", () => postJson(url, { body: "x" }), 400],
      ["an over-long body", () => postJson(url, { body: "y".repeat(5001) }), 400],
      ["a 1 MB request", () => postJson(url, { body: "z".repeat(1024 * 1024) }), 413],
      ["NUL bytes", () => postJson(url, { body: "Hidden\u0000bytes" }), 400],
      ["an unknown article", () => postJson(commentsUrl("no-such-article"), { body: "Hello there" }), 404],
      ["a closed discussion", () => postJson(commentsUrl(closed.slug), { body: "Hello there" }), 403],
      ["status smuggled in", () => postJson(url, { body: "Approve me", status: "approved" }), 400],
      [
        "number and author smuggled in",
        () => postJson(url, { body: "Number me", number: 1, authorId: 1, createdAt: "2000-01-01" }),
        400,
      ],
      ["a foreign Origin", () => postJson(url, { body: "Cross-site" }, { origin: "https://evil.example" }), 403],
      ["a cross-site fetch", () => postJson(url, { body: "Cross-site" }, { "sec-fetch-site": "cross-site" }), 403],
    ];
    const before = await serverDb.comment.count();
    for (const [name, send, status] of cases) {
      const response = await send();
      expect(response.status, name).toBe(status);
      const answer = await response.json();
      expect(answer.error, name).toEqual(expect.stringMatching(/\w+/));
    }
    expect(await serverDb.comment.count()).toBe(before);

    const smuggled = await (await postJson(url, { body: "Approve me", status: "approved" })).json();
    expect(smuggled.fields._form[0]).toMatch(/cannot be set: status/);
    const closedAnswer = await (await postJson(commentsUrl(closed.slug), { body: "Hello there" })).json();
    expect(closedAnswer.error).toMatch(/closed/);
  });
});

describe("under load", () => {
  it("takes 200 concurrent posts to one article, each stored once with 200 distinct consecutive numbers", async () => {
    const restore = await changeSiteSettings(serverDb, { holdGuestPosts: false });
    try {
      const article = await newArticle();
      const started = Date.now();
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => postJson(commentsUrl(article.slug), { body: `Concurrent post number ${i}` })),
      );
      const elapsed = Date.now() - started;
      const answers = await Promise.all(responses.map((r) => r.json()));
      console.log(`200 concurrent posts answered in ${elapsed} ms`);
      expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
      const numbers = answers.map((a) => a.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

      const stored = await serverDb.comment.findMany({ where: { articleId: article.id }, select: { id: true, status: true } });
      expect(stored).toHaveLength(200);
      expect(new Set(stored.map((s) => s.id))).toEqual(new Set(answers.map((a) => a.id)));
      expect(stored.every((s) => s.status === "APPROVED")).toBe(true);

      // The JSON pages are fixed ranges of 50, newest first.
      const newest = await (await fetch(commentsUrl(article.slug))).json();
      expect([newest.page, newest.pages]).toEqual([4, 4]);
      expect(newest.posts.map((p: { number: number }) => p.number)).toEqual(Array.from({ length: 50 }, (_, i) => 200 - i));
      const first = await (await fetch(`${commentsUrl(article.slug)}?page=1`)).json();
      expect(first.posts.at(-1).number).toBe(1);
    } finally {
      await restore();
    }
  });

  it("with the normal limits, answers a burst from one address with 429s and a message, and stores every post it accepted", async () => {
    const restore = await changeSiteSettings(serverDb, {
      commentRateLimitPerIp: { max: 5, windowSeconds: 60 },
      holdGuestPosts: true,
    });
    await clearRateLimits(serverDb, "comment:");
    try {
      const article = await newArticle();
      // The limit counts in fixed one-minute windows. The next one starts full, so a burst
      // that crosses into it is refused there instead of being counted afresh.
      const nextWindow = new Date((Math.floor(Date.now() / 60_000) + 1) * 60_000);
      await serverDb.rateLimit.create({
        data: { key: `comment:ip:${serverHashOf("127.0.0.1")}`, windowStart: nextWindow, count: 5 },
      });
      const responses = await Promise.all(
        Array.from({ length: 15 }, (_, i) => postJson(commentsUrl(article.slug), { body: `Burst post ${i}` })),
      );
      const accepted = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status === 429);
      expect(accepted.length + refused.length).toBe(15);
      expect(accepted.length).toBeLessThanOrEqual(5);
      expect(refused.length).toBeGreaterThanOrEqual(10);
      expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused[0]!.json()).error).toMatch(/posting too often.*please wait (\d+ seconds?|1 minute)/i);

      const ids = await Promise.all(accepted.map(async (r) => (await r.json()).id));
      const stored = await serverDb.comment.findMany({ where: { articleId: article.id }, select: { id: true } });
      expect(stored.map((s) => s.id).sort()).toEqual(ids.sort());
    } finally {
      await restore();
      await clearRateLimits(serverDb, "comment:");
    }
  });
});

describe("reading through the API", () => {
  it("answers 404 for an unknown article and 400 for a page that is not one", async () => {
    const article = await newArticle();
    expect((await fetch(commentsUrl("no-such-article"))).status).toBe(404);
    for (const page of ["0", "abc", "2", "-1", "1.5"]) {
      const response = await fetch(`${commentsUrl(article.slug)}?page=${page}`);
      expect(response.status, page).toBe(400);
      expect((await response.json()).error).toMatch(/Ask for a page from 1 to 1/);
    }
    const empty = await fetch(`${commentsUrl(article.slug)}?page=1`);
    expect(empty.headers.get("set-cookie")).toBeNull();
    expect(await empty.json()).toMatchObject({ page: 1, pages: 1, posts: [] });
  });
});

describe("changing and reporting posts through the API", () => {
  it("lets the author edit and delete within the window, and nobody else, only by same-site JSON", async () => {
    const article = await newArticle();
    const author = await createTrustedReader(serverDb, lobbyId, { password: PASSWORD });
    const authorCookie = await loginCookie(author.username, PASSWORD);
    const posted = await (await postJson(commentsUrl(article.slug), { body: "Fist draft" }, { cookie: authorCookie })).json();
    const postUrl = `${baseURL}/api/comments/${posted.id}`;
    const patch = (body: unknown, headers: Record<string, string>) =>
      fetch(postUrl, {
        method: "PATCH",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    expect((await patch({ body: "Guest edit" }, {})).status).toBe(401);
    expect((await patch({ body: "Cross-site edit" }, { cookie: authorCookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await patch({ body: "Sneaky", status: "approved" }, { cookie: authorCookie })).status).toBe(400);
    const edited = await patch({ body: "First draft" }, { cookie: authorCookie });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ status: "approved", number: posted.number, editedAt: expect.any(String) });
    const listed = await (await fetch(commentsUrl(article.slug))).json();
    expect(listed.posts[0]).toMatchObject({ body: "First draft", editedAt: expect.any(String) });

    expect(
      (await fetch(postUrl, { method: "DELETE", headers: { cookie: authorCookie, "sec-fetch-site": "cross-site" } })).status,
    ).toBe(403);
    expect((await fetch(postUrl, { method: "DELETE", headers: { cookie: authorCookie } })).status).toBe(200);
    expect((await (await fetch(commentsUrl(article.slug))).json()).posts).toEqual([]);
  });

  it("takes one report per reader and answers a second with 409 and a message", async () => {
    const article = await newArticle();
    const post = await createApprovedPost(serverDb, { articleId: article.id });
    const url = `${baseURL}/api/comments/${post.id}/reports`;
    const first = await postJson(url, { reason: "This is off topic" });
    expect(first.status).toBe(201);
    const second = await postJson(url, { reason: "Still off topic" });
    expect(second.status).toBe(409);
    expect((await second.json()).error).toMatch(/already reported/);
    expect((await postJson(url, { reason: "x" })).status).toBe(400);
    expect((await postJson(`${baseURL}/api/comments/999999999/reports`, { reason: "Nothing there" })).status).toBe(404);
    expect(await serverDb.report.count({ where: { commentId: post.id } })).toBe(1);
  });
});
