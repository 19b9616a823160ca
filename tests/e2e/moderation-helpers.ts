import crypto from "node:crypto";
import { inject } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createArticle } from "../helpers/factories";
import { clearRateLimits } from "../helpers/site-settings";
import { loginCookie } from "../helpers/session";

/** The demo accounts (README). Each logs in once per test file: logins are rate-limited per address. */
export const DEMO = {
  moderator: "quire-moderator-2026",
  admin: "quire-admin-2026",
  editor: "quire-editor-2026",
  reader: "quire-reader-2026",
} as const;
export type DemoUser = keyof typeof DEMO;

const cookies = new Map<DemoUser, Promise<string>>();
export function sessionCookie(user: DemoUser): Promise<string> {
  if (!cookies.has(user)) cookies.set(user, loginCookie(user, DEMO[user]));
  return cookies.get(user)!;
}

/** Signs a browser context in as a demo user, or signs it out (null). */
export async function actAs(context: BrowserContext, user: DemoUser | null) {
  await context.clearCookies();
  if (!user) return;
  const [name, ...value] = (await sessionCookie(user)).split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: inject("baseURL"), httpOnly: true, sameSite: "Lax" }]);
}

export async function freshArticle(db: PrismaClient) {
  const editor = await db.user.findUniqueOrThrow({ where: { username: "editor" } });
  return createArticle(db, { authorId: editor.id });
}

/**
 * A guest posts through the real comment API (no session cookie), and the
 * post is held for moderation; returns it as stored.
 */
export async function guestPost(
  db: PrismaClient,
  articleId: number,
  body = `A guest writes ${crypto.randomBytes(4).toString("hex")}`,
) {
  const { slug } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
  // Every e2e request comes from 127.0.0.1; these posts are not what the per-address limit is tested on.
  await clearRateLimits(db, "comment:ip:");
  const response = await fetch(`${inject("baseURL")}/api/articles/${slug}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ body, anonymous: true }),
  });
  if (response.status !== 201) throw new Error(`guest post refused: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: number };
  return db.comment.findUniqueOrThrow({ where: { id } });
}

/** The Post N under which an anonymous reader sees a post with this text, or null if it is not shown. */
export async function publicPostNumber(page: Page, slug: string, body: string): Promise<number | null> {
  await page.goto(`/articles/${slug}`);
  const post = page.locator("[data-post-number]").filter({ hasText: body });
  if ((await post.count()) === 0) return null;
  return Number(await post.getAttribute("data-post-number"));
}

/** Waits for the moderation page's outcome notice to say something matching `text`. */
export async function notice(page: Page, text: string | RegExp) {
  const status = page.locator(".moderation-notice").filter({ hasText: text });
  await status.waitFor({ timeout: 10_000 });
  return status;
}

/** Clicks a button that submits a server action, and waits for the server's answer. */
export async function submit(page: Page, button: ReturnType<Page["locator"]>) {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().startsWith(inject("baseURL")),
  );
  await button.click();
  await answered;
}
