import crypto from "node:crypto";
import { inject } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createArticle, createPendingComment } from "../helpers/factories";
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
 * A guest's post held for moderation, as the posting flow stores it.
 * TODO(discussion-merge): post it through the real comment form instead.
 */
export async function guestPost(db: PrismaClient, articleId: number, body = `A guest writes ${crypto.randomBytes(4).toString("hex")}`) {
  const post = await createPendingComment(db, { articleId, body });
  return db.comment.update({
    where: { id: post.id },
    data: { heldReason: "guest", ipHash: crypto.randomBytes(16).toString("hex") },
  });
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
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().startsWith(inject("baseURL")));
  await button.click();
  await answered;
}
