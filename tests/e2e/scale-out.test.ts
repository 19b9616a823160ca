import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LISTENER_APPLICATION_NAME } from "@/lib/response-cache/shared-invalidations";
import { freshTmpDir } from "../helpers/paths";
import { startProductionServer, type ProductionServer } from "../helpers/production-server";
import { loginCookie } from "../helpers/session";
import { createDatabase, dropDatabase, onPostgres } from "../helpers/test-database";

/**
 * Two server processes of one site on one PostgreSQL database, as behind a
 * load balancer: a write through either is seen through both within a second
 * (their response caches hear of it through LISTEN/NOTIFY), a session from one
 * is good on the other, and a process that loses its PostgreSQL connection
 * serves no page it may have missed a change to.
 */
describe.skipIf(!onPostgres)("two server processes on one PostgreSQL database", () => {
  const dirs: string[] = [];
  const servers: ProductionServer[] = [];
  let databaseUrl = "";
  let one: string;
  let other: string;
  let database: pg.Client;
  const slug = "why-is-the-sky-blue";

  beforeAll(async () => {
    const first = freshTmpDir("scale-out-a");
    dirs.push(first, freshTmpDir("scale-out-b"));
    databaseUrl = await createDatabase(first, { prefix: "scale" });
    // Every process of a site shares its secret (sessions) and its database.
    const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "one-secret-for-both-processes" };
    servers.push(await startProductionServer(dirs[0]!, env));
    servers.push(await startProductionServer(dirs[1]!, env));
    [one, other] = servers.map((server) => server.baseURL) as [string, string];
    database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    for (const server of servers) server.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dropDatabase(databaseUrl);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A page as an anonymous reader gets it (cacheable), with how Quire's cache answered. */
  async function anonymous(baseURL: string, path: string) {
    const response = await fetch(`${baseURL}${path}`);
    return { status: response.status, cache: response.headers.get("x-quire-cache"), html: await response.text() };
  }

  /** Reads `path` through both processes until both show `text`: how long that took, in ms. */
  async function untilBothShow(path: string, text: string, limitMs = 1000): Promise<number> {
    const started = Date.now();
    const seen = new Set<string>();
    while (seen.size < 2 && Date.now() - started < limitMs) {
      for (const baseURL of [one, other]) {
        if (!seen.has(baseURL) && (await anonymous(baseURL, path)).html.includes(text)) seen.add(baseURL);
      }
      if (seen.size < 2) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect([...seen].sort(), `both processes show "${text}" on ${path} within ${limitMs} ms`).toEqual([one, other].sort());
    return Date.now() - started;
  }

  async function cachedOnBoth(path: string) {
    for (const baseURL of [one, other]) {
      await anonymous(baseURL, path);
      expect((await anonymous(baseURL, path)).cache, `${baseURL}${path} is served from its cache`).toBe("hit");
    }
  }

  async function call(baseURL: string, method: string, path: string, cookie: string, body: unknown) {
    const response = await fetch(`${baseURL}${path}`, {
      method,
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(answer)).toBeLessThan(300);
    return answer;
  }

  it("accepts a session made by one process on the other", async () => {
    const cookie = await loginCookie("reader", "quire-reader-2026", one);
    const me = await fetch(`${other}/api/account/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain("reader");
  });

  it("shows a post made through one process and approved through the other on both within 1 s", async () => {
    await cachedOnBoth(`/articles/${slug}`);
    const text = `Held for its links, then approved elsewhere ${Date.now()}`;
    const links = Array.from({ length: 5 }, (_, i) => `https://example.org/${i}`).join(" ");
    const reader = await loginCookie("reader", "quire-reader-2026", one);
    const posted = await call(one, "POST", `/api/articles/${slug}/comments`, reader, { body: `${text} ${links}` });
    expect(posted.status).toBe("pending");
    expect((await anonymous(other, `/articles/${slug}`)).html).not.toContain(text);

    const moderator = await loginCookie("moderator", "quire-moderator-2026", other);
    await call(other, "POST", `/api/moderation/comments/${posted.id}`, moderator, { action: "approve" });
    await untilBothShow(`/articles/${slug}`, text);
  });

  it("shows an article published through one process on the other's home page within 1 s", async () => {
    await cachedOnBoth("/");
    const editor = await loginCookie("editor", "quire-editor-2026", one);
    const title = `Why do two processes agree ${Date.now()}`;
    const { rows } = await database.query<{ categoryId: number; authorId: number }>(
      `SELECT a."categoryId", a."authorId" FROM "Article" a WHERE a."slug" = $1`,
      [slug],
    );
    const fields = { title, summary: "Because they hear each other.", body: "Through NOTIFY.", ...rows[0]! };
    const { article } = (await call(one, "POST", "/api/admin/articles", editor, fields)) as {
      article: { id: number; revision: number };
    };
    await call(one, "PUT", `/api/admin/articles/${article.id}`, editor, {
      ...fields,
      baseRevision: article.revision,
      intent: "publish",
    });
    await untilBothShow("/", title);
  });

  it("drops a process's cache when its PostgreSQL connection is lost, so a change it missed still shows", async () => {
    await cachedOnBoth(`/articles/${slug}`);
    const title = `A change nobody was told of ${Date.now()}`;
    // Both listeners lose their connections; meanwhile an article changes with no notification at all.
    const ended = await database.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER_APPLICATION_NAME],
    );
    expect(ended.rowCount).toBe(2);
    await database.query(`UPDATE "Article" SET "title" = $1 WHERE "slug" = $2`, [title, slug]);
    await untilBothShow(`/articles/${slug}`, title, 5000);
    // And they listen again: the next write through one is heard by the other.
    await expect
      .poll(
        async () =>
          (
            await database.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
              [LISTENER_APPLICATION_NAME],
            )
          ).rows[0].n,
        { timeout: 10_000 },
      )
      .toBe(2);
    await cachedOnBoth(`/articles/${slug}`);
    const moderator = await loginCookie("moderator", "quire-moderator-2026", one);
    const reader = await loginCookie("reader", "quire-reader-2026", other);
    const text = `Posted after the reconnection ${Date.now()} ${Array.from({ length: 5 }, (_, i) => `https://example.org/r${i}`).join(" ")}`;
    const posted = await call(other, "POST", `/api/articles/${slug}/comments`, reader, { body: text });
    await call(one, "POST", `/api/moderation/comments/${posted.id}`, moderator, { action: "approve" });
    await untilBothShow(`/articles/${slug}`, "Posted after the reconnection");
  });
});
