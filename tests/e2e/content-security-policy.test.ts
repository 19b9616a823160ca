import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { readerPageForFile } from "../helpers/reader-page";
import { actAs, type DemoUser } from "./moderation-helpers";
import { EMBED_CSP } from "@/lib/widgets/embed-response";

// Every page type, loaded in Chromium with JavaScript on, for the role that may
// see it: the page hydrates (Next's inline scripts run, allowed by their hashes),
// and the browser reports no violation of the Content-Security-Policy at all.

const reader = readerPageForFile({ javaScriptEnabled: true });
const { serverDb, baseURL } = reader;

type Visit = { path: string; as: DemoUser | null };
const visits: Visit[] = [];
const contexts = new Map<DemoUser | "guest", BrowserContext>();

/** Records every violation the page's document reports, from before its first script. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + (event.sample || ""));
  });
`;

async function contextFor(user: DemoUser | null): Promise<BrowserContext> {
  const name = user ?? "guest";
  let context = contexts.get(name);
  if (!context) {
    context = await reader.browser.newContext({ baseURL, javaScriptEnabled: true });
    await context.addInitScript(RECORD_VIOLATIONS);
    await actAs(context, user);
    contexts.set(name, context);
  }
  return context;
}

type Loaded = { page: Page; status: number; policy: string; violations: string[]; hydrated: boolean };

async function load({ path, as }: Visit): Promise<Loaded> {
  const page = await (await contextFor(as)).newPage();
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  const response = await page.goto(path);
  // Next hydrates the whole document with React, which leaves its container mark on it.
  const hydrated = await page
    .waitForFunction(() => Object.keys(document).some((key) => key.startsWith("__reactContainer")), null, { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return {
    page,
    status: response!.status(),
    policy: (await response!.allHeaders())["content-security-policy"] ?? "",
    violations: [...violations, ...console],
    hydrated,
  };
}

beforeAll(async () => {
  const article = await serverDb.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
  const longest = await serverDb.article.findFirstOrThrow({
    where: { status: "PUBLISHED" },
    orderBy: { comments: { _count: "desc" } },
  });
  const fact = await serverDb.fact.findFirstOrThrow();
  const history = await serverDb.historyEvent.findFirstOrThrow();
  const category = await serverDb.category.findFirstOrThrow();
  const tag = await serverDb.tag.findFirstOrThrow();
  const post = await serverDb.comment.findFirstOrThrow({ orderBy: { id: "asc" } });
  const author = await serverDb.user.findFirstOrThrow({ where: { username: "editor" } });
  const guest = (path: string) => visits.push({ path, as: null });
  [
    "/",
    `/articles/${article.slug}`,
    `/articles/${longest.slug}/posts/2`,
    `/articles/${article.slug}/print`,
    `/categories/${category.slug}`,
    "/search?q=sky",
    "/search?q=qqqqzzzz",
    "/facts",
    `/facts/${fact.slug}`,
    "/history",
    "/history/01-01",
    `/authors/${author.username}`,
    "/widgets",
    "/login",
    "/signup",
    "/forgot-password",
    "/reset-password?token=not-a-real-token",
    "/account/mentions/unsubscribe/not-a-key",
    "/access-denied",
    "/no-such-page",
  ].forEach(guest);
  visits.push({ path: `/articles/${article.slug}`, as: "reader" });
  for (const path of [
    "/moderate",
    "/moderate/posts",
    `/moderate/posts/${post.id}`,
    "/moderate/discussions",
    "/moderate/log",
    "/moderate/settings",
  ])
    visits.push({ path, as: "moderator" });
  for (const path of [
    "/admin",
    "/admin/articles/new",
    `/admin/articles/${article.id}`,
    `/admin/articles/${article.id}/preview`,
    `/admin/articles/${article.id}/revisions`,
    "/admin/categories",
    `/admin/categories/${category.id}`,
    "/admin/tags",
    `/admin/tags/${tag.id}`,
    "/admin/facts",
    "/admin/facts/new",
    `/admin/facts/${fact.id}`,
    "/admin/history",
    `/admin/history/${history.id}`,
    "/admin/log",
  ])
    visits.push({ path, as: "editor" });
  visits.push({ path: "/admin/users", as: "admin" }, { path: "/admin/export", as: "admin" });
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

describe("the Content-Security-Policy", () => {
  it("lets every page type hydrate with no violation, for each role that may see it", async () => {
    const failures: string[] = [];
    for (const visit of visits) {
      const { page, status, policy, violations, hydrated } = await load(visit);
      const where = `${visit.path} as ${visit.as ?? "guest"} (${status})`;
      if (!policy.includes("script-src 'self' 'sha256-")) failures.push(`${where}: no hash-based script-src in "${policy}"`);
      if (!hydrated) failures.push(`${where}: did not hydrate`);
      for (const violation of violations) failures.push(`${where}: ${violation}`);
      await page.close();
    }
    console.log(`CSP: ${visits.length} page loads, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 180_000);

  it("allows scripts only from this site and Next's own inline scripts: no unsafe-inline, no plugins, no base or form hijack", async () => {
    for (const path of ["/", "/login"]) {
      const policy = (await fetch(`${baseURL}${path}`)).headers.get("content-security-policy")!;
      const scriptSources = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
      expect(
        scriptSources
          .trim()
          .split(/\s+/)
          .slice(1)
          .every((s) => s === "'self'" || /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
      ).toBe(true);
      expect(scriptSources).not.toContain("unsafe");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });

  it("is the same on a cached page's hit as on its miss, and follows each page's own scripts", async () => {
    const path = "/facts";
    const first = await fetch(`${baseURL}${path}`);
    const second = await fetch(`${baseURL}${path}`);
    expect(second.headers.get("x-quire-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy"));
    // The hashes follow the bytes: a page with other inline scripts gets other hashes.
    const login = await fetch(`${baseURL}/login`);
    expect(login.headers.get("content-security-policy")).not.toBe(first.headers.get("content-security-policy"));
  });

  it("stays quiet while a reader moves between pages and logs in through the form, with JavaScript", async () => {
    const { page } = await load({ path: "/login?callbackUrl=%2Ffacts", as: null });
    await page.getByLabel("Username or email", { exact: true }).fill("reader");
    await page.getByLabel("Password", { exact: true }).fill("quire-reader-2026");
    await Promise.all([page.waitForURL("**/facts"), page.getByRole("button", { name: "Log in", exact: true }).click()]);
    await page.getByRole("button", { name: "Log out" }).waitFor();
    // A link followed inside the app: Next fetches the next page's payload instead of loading a document.
    const fact = page.getByRole("main").getByRole("link").first();
    const target = await fact.getAttribute("href");
    await Promise.all([page.waitForURL(`**${target}`), fact.click()]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await page.context().clearCookies();
    await page.close();
  });

  it("blocks a script that was not in the page as served, and the browser reports it", async () => {
    const { page } = await load({ path: "/facts", as: null });
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        injected: (window as unknown as { __injected?: boolean }).__injected === true,
        violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
      };
    });
    expect(ran.injected).toBe(false);
    expect(ran.violations.some((v) => v.startsWith("script-src"))).toBe(true);
    await page.close();
  });

  it("keeps the widgets' own stricter policy, which runs no script and may be framed anywhere", async () => {
    const response = await fetch(`${baseURL}/embed/fact`);
    expect(response.headers.get("content-security-policy")).toBe(EMBED_CSP);
    expect(await response.text()).not.toContain("<script");
  });
});
