import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { POST_ACTIONS } from "@/lib/moderation/schema";
import { actAs, freshArticle, guestPost, notice, sessionCookie, submit, type DemoUser } from "./moderation-helpers";

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const REFUSED: (DemoUser | null)[] = [null, "reader", "editor"];
const who = (user: DemoUser | null) => user ?? "a guest";

let post: { id: number; body: string; ipHash: string | null };
let article: { id: number; slug: string; title: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  article = await freshArticle(serverDb);
  post = await guestPost(serverDb, article.id);
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await serverDb.$disconnect();
});

/** Everything a refused request could have changed. */
async function state() {
  return {
    post: await serverDb.comment.findUniqueOrThrow({ where: { id: post.id } }),
    article: await serverDb.article.findUniqueOrThrow({ where: { id: article.id } }),
    log: await serverDb.moderationAction.count(),
    bans: await serverDb.user.count({ where: { bannedUntil: { not: null } } }),
    settings: await serverDb.siteSetting.findMany(),
  };
}

async function get(path: string, user: DemoUser | null) {
  const headers: Record<string, string> = user ? { cookie: await sessionCookie(user) } : {};
  return fetch(`${baseURL}${path}`, { headers, redirect: "manual" });
}

const pages = () => [
  ["/moderate", "/moderate"],
  ["/moderate/log", "/moderate/log"],
  ["/moderate/discussions", "/moderate/discussions"],
  ["/moderate/settings", "/moderate/settings"],
  [`/moderate/posts/${post.id}`, `/moderate/posts/${post.id}`],
  [`/moderate/posts?address=${post.id}`, "/moderate"],
];

describe("moderation pages", () => {
  it("send a guest to log in and come back, showing nothing", async () => {
    for (const [path, callback] of pages()) {
      const response = await get(path!, null);
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toBe(`/login?callbackUrl=${encodeURIComponent(callback!)}`);
      expect(await response.text(), path).not.toContain(post.body);
    }
  });

  it("answer 403 to a reader and an editor, showing nothing of the queue", async () => {
    for (const user of ["reader", "editor"] as const) {
      for (const [path] of pages()) {
        const response = await get(path!, user);
        expect(response.status, `${path} as ${user}`).toBe(403);
        const html = await response.text();
        expect(html, path).not.toContain(post.body);
        expect(html, path).not.toContain(post.ipHash);
      }
    }
    // Site policies are for admins: a moderator is refused too.
    expect((await get("/moderate/settings", "moderator")).status).toBe(403);
  });

  it("tell a signed-in reader in words that they need to be a moderator, or an admin for policies", async () => {
    await actAs(context, "reader");
    const asReader = await page.goto("/moderate");
    expect(asReader?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
    expect(await page.getByText("Moderation pages are for the moderation team").count()).toBe(1);
    await actAs(context, "moderator");
    const asModerator = await page.goto("/moderate/settings");
    expect(asModerator?.status()).toBe(403);
    expect(await page.getByText("the site's policies and users for administrators").count()).toBe(1);
  });
});

describe("the moderation API", () => {
  it("refuses the queue and its count to a guest (401), a reader and an editor (403)", async () => {
    for (const path of ["/api/moderation/queue", "/api/moderation/count"]) {
      for (const user of REFUSED) {
        const response = await get(path, user);
        expect(response.status, `${path} as ${who(user)}`).toBe(user ? 403 : 401);
        expect(await response.text()).not.toContain(post.body);
      }
      expect((await get(path, "moderator")).status).toBe(200);
    }
  });

  it("refuses every action on a post to a guest, a reader and an editor, and changes nothing", async () => {
    const before = await state();
    for (const action of POST_ACTIONS) {
      for (const user of REFUSED) {
        const response = await fetch(`${baseURL}/api/moderation/comments/${post.id}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(user ? { cookie: await sessionCookie(user) } : {}) },
          body: JSON.stringify({ action, reason: "not allowed" }),
        });
        expect(response.status, `${action} as ${who(user)}`).toBe(user ? 403 : 401);
      }
    }
    expect(await state()).toEqual(before);
  });

  it("refuses a moderator's cross-site or non-JSON request, and says so when the post changed meanwhile", async () => {
    const cookie = await sessionCookie("moderator");
    const url = `${baseURL}/api/moderation/comments/${post.id}`;
    const before = await state();
    const crossSite = await fetch(url, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/json",
        origin: "https://elsewhere.example",
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({ action: "delete" }),
    });
    expect(crossSite.status).toBe(403);
    const form = await fetch(url, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "action=delete",
    });
    expect(form.status).toBe(415);
    expect(await state()).toEqual(before);

    const stale = await fetch(url, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ action: "approve", version: before.post.version + 1 }),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatch(/^This post was changed by another moderator \(now: waiting for moderation\)/);
    expect(await state()).toEqual(before);
  });
});

describe("moderation server actions", () => {
  /**
   * A refused user replays a form from a moderator's page (the page itself is
   * never shown to them): the same browser page, with their session instead.
   */
  async function replay(
    path: string,
    loadAs: DemoUser,
    press: () => ReturnType<Page["locator"]>,
    refusal: (user: DemoUser | null) => string,
  ) {
    await actAs(context, loadAs);
    await page.goto(path);
    const before = await state();
    for (const user of [...REFUSED, ...(loadAs === "admin" ? (["moderator"] as const) : [])]) {
      await actAs(context, user);
      await submit(page, press());
      await page.getByText(refusal(user)).waitFor();
    }
    expect(await state()).toEqual(before);
    await actAs(context, loadAs);
  }

  const moderatorOnly = (user: DemoUser | null) =>
    user ? "You need to be a moderator to do that." : "Please log in as a moderator to do that.";

  it("refuse a guest, a reader and an editor on the queue, and change nothing", async () => {
    const item = () => page.locator("[data-queue-item]").filter({ hasText: post.body });
    await replay("/moderate", "moderator", () => item().getByRole("button", { name: "Approve" }), moderatorOnly);
    await submit(page, item().getByRole("button", { name: "Approve" }));
    await notice(page, "Post approved.");
  });

  it("refuse a guest, a reader and an editor on the discussions page, and change nothing", async () => {
    const close = () =>
      page.locator(".discussion-states li").filter({ hasText: article.title }).getByRole("button", { name: "Close discussion" });
    await replay("/moderate/discussions", "moderator", close, moderatorOnly);
  });

  it("refuse everyone but an admin on the policies page, and change nothing", async () => {
    await replay(
      "/moderate/settings",
      "admin",
      () => page.getByRole("button", { name: "Save policies" }),
      (user) =>
        user ? "You need to be an administrator to change site policies." : "Please log in as an administrator to do that.",
    );
  });
});
