import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { formatMonthDaySlug, monthDayOf } from "@/lib/calendar";
import { launchBrowser } from "../helpers/browser";
import { createUser } from "../helpers/factories";
import { connectServerDatabase } from "../helpers/server-db";
import { loginCookie, postCredentials } from "../helpers/session";
import { actAs, sessionCookie, type DemoUser } from "./moderation-helpers";

// The back office's curation and user administration in Chromium against the
// production server (response cache included), and what readers see at once.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
let browser: Browser;
let editorContext: BrowserContext;
let adminContext: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  editorContext = await browser.newContext({ baseURL });
  adminContext = await browser.newContext({ baseURL });
  await actAs(editorContext, "editor");
  await actAs(adminContext, "admin");
});
afterAll(async () => {
  await browser?.close();
  await serverDb.$disconnect();
});

const token = () => crypto.randomBytes(3).toString("hex");

/** An anonymous reader's view of a page: no cookie, as the cache serves it. */
async function anonymous(path: string) {
  const response = await fetch(`${baseURL}${path}`);
  return { status: response.status, html: await response.text() };
}

/** A JSON request to the back office's API, as `user` (null: a guest). */
async function api(method: string, path: string, user: DemoUser | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (user) headers.cookie = await sessionCookie(user);
  return fetch(`${baseURL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("curating the sidebar's content", () => {
  it("an editor's new fact and today's new history event are on the public pages at once, and gone at once when deleted", async () => {
    const today = monthDayOf(new Date());
    const dayPath = `/history/${formatMonthDaySlug(today)}`;
    const factTitle = `Octopuses have three hearts ${token()}`;
    const eventTitle = `A lighthouse is lit ${token()}`;
    // Warm the cache with the pages that must change.
    expect((await anonymous("/facts")).html).not.toContain(factTitle);
    expect((await anonymous(dayPath)).html).not.toContain(eventTitle);

    const page = await editorContext.newPage();
    await page.goto("/admin/facts/new");
    await page.getByLabel("Title").fill(factTitle);
    await page.getByLabel("Summary").fill("Two pump blood through the gills, one through the body.");
    await page.getByLabel("Page (Markdown)").fill("The **third** heart stops while an octopus swims.");
    await page.getByRole("button", { name: "Add fact" }).click();
    await page.getByRole("status").filter({ hasText: "Fact created." }).waitFor();
    const fact = await serverDb.fact.findFirstOrThrow({ where: { title: factTitle } });
    expect((await anonymous("/facts")).html).toContain(factTitle);
    const factPage = await anonymous(`/facts/${fact.slug}`);
    expect(factPage.status).toBe(200);
    expect(factPage.html).toContain("<strong>third</strong>");

    // The history list opens on today, and its form starts on today too.
    await page.goto("/admin/history");
    await page.getByLabel("Year").fill("1822");
    await page.getByLabel("Title").fill(eventTitle);
    await page.getByLabel("What happened").fill("Its lamp could be seen twenty miles out to sea.");
    await page.getByRole("button", { name: "Add event" }).click();
    await page.getByRole("status").filter({ hasText: "Event created." }).waitFor();
    expect((await page.locator(".admin-table").textContent()) ?? "").toContain(eventTitle);
    expect((await anonymous(dayPath)).html).toContain(eventTitle);

    const event = await serverDb.historyEvent.findFirstOrThrow({ where: { title: eventTitle } });
    expect(event).toMatchObject({ ...today, year: 1822 });
    expect((await api("DELETE", `/api/admin/facts/${fact.id}`, "editor")).status).toBe(200);
    expect((await api("DELETE", `/api/admin/history/${event.id}`, "editor")).status).toBe(200);
    expect((await anonymous("/facts")).html).not.toContain(factTitle);
    expect((await anonymous(`/facts/${fact.slug}`)).status).toBe(404);
    expect((await anonymous(dayPath)).html).not.toContain(eventTitle);
    await page.close();
  });

  it("refuses February 30 from the API, naming the field, and stores nothing", async () => {
    const before = await serverDb.historyEvent.count();
    const response = await api("POST", "/api/admin/history", "editor", {
      month: 2,
      day: 30,
      year: 1900,
      title: "No such day",
      text: "x",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fields: { day: ["February has no day 30."] } });
    expect(await serverDb.historyEvent.count()).toBe(before);
  });
});

describe("categories", () => {
  it("are the editors': readers and moderators get 403 on the page and the API, a guest is sent to log in, nothing is created", async () => {
    const before = await serverDb.category.count();
    for (const user of ["reader", "moderator"] as const) {
      const pageResponse = await fetch(`${baseURL}/admin/categories`, {
        headers: { cookie: await sessionCookie(user) },
        redirect: "manual",
      });
      expect(pageResponse.status, user).toBe(403);
      // The production server answers every 403 page with its one access-denied page (scripts/server/error-page-bodies.mts).
      expect(await pageResponse.text()).toContain("You do not have permission to see this page");
      const apiResponse = await api("POST", "/api/admin/categories", user, { name: `Sneaky ${token()}` });
      expect(apiResponse.status, user).toBe(403);
      expect(await apiResponse.json()).toEqual({ error: "You need to be an editor to do that." });
    }
    const guestPage = await fetch(`${baseURL}/admin/categories`, { redirect: "manual" });
    expect(guestPage.status).toBe(307);
    expect(guestPage.headers.get("location")).toContain(`/login?callbackUrl=${encodeURIComponent("/admin/categories")}`);
    expect((await api("POST", "/api/admin/categories", null, { name: "Sneaky" })).status).toBe(401);
    expect(await serverDb.category.count()).toBe(before);
  });

  it("are created and deleted by an editor through the API; one that still has articles is refused with a sentence", async () => {
    const name = `Astronomy ${token()}`;
    const created = await api("POST", "/api/admin/categories", "editor", { name, description: "Stars." });
    expect(created.status).toBe(201);
    const { category } = (await created.json()) as { category: { id: number; slug: string } };
    expect((await anonymous(`/categories/${category.slug}`)).status).toBe(200);
    expect((await api("DELETE", `/api/admin/categories/${category.id}`, "editor")).status).toBe(200);
    expect((await anonymous(`/categories/${category.slug}`)).status).toBe(404);

    const science = await serverDb.category.findUniqueOrThrow({ where: { slug: "science" } });
    const refused = await api("DELETE", `/api/admin/categories/${science.id}`, "editor");
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/^“Science” still has \d+ articles/);
  });
});

describe("the back office's lists", () => {
  it("show an editor the categories, tags, facts, a day's events and the audit log, filtered by subject", async () => {
    const science = await serverDb.category.findUniqueOrThrow({ where: { slug: "science" } });
    const tag = await serverDb.tag.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await sessionCookie("editor");
    const pages: [string, string][] = [
      ["/admin/categories", "Science"],
      [`/admin/categories/${science.id}`, "move its"],
      [`/admin/tags?q=${tag.slug}`, tag.name],
      [`/admin/tags/${tag.id}`, "Delete tag"],
      ["/admin/facts", "Did you know"],
      ["/admin/history?month=1&day=1", "Ceres is discovered"],
      ["/admin/log?subject=category", "Deleted the category “Astronomy"],
    ];
    for (const [path, text] of pages) {
      const response = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain(text);
    }
    // The log's filter leaves out changes to anything else (the facts added above).
    expect(await (await fetch(`${baseURL}/admin/log?subject=category`, { headers: { cookie } })).text()).not.toContain(
      "Added the fact",
    );
  });
});

describe("user administration", () => {
  it("an admin disables a reader, who is logged out at once and cannot log back in until re-enabled", async () => {
    const password = `a long passphrase ${token()}`;
    const reader = await createUser(serverDb, { role: "READER", password });
    const readerContext = await browser.newContext({ baseURL });
    const [name, ...value] = (await loginCookie(reader.username, password)).split("=");
    await readerContext.addCookies([{ name: name!, value: value.join("="), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
    expect(await (await readerContext.request.get("/api/account/me")).json()).toMatchObject({ user: { id: reader.id } });

    const page = await adminContext.newPage();
    await page.goto(`/admin/users?q=${reader.username}`);
    await page.getByRole("button", { name: `Disable ${reader.username}` }).click();
    await page.getByText(`${reader.username} is disabled and logged out.`).waitFor();
    await page.getByRole("button", { name: `Re-enable ${reader.username}` }).waitFor();

    expect(await (await readerContext.request.get("/api/account/me")).json()).toEqual({ user: null });
    const again = await postCredentials({ username: reader.username, password, callbackUrl: `${baseURL}/` });
    expect(again.headers.getSetCookie().some((cookie) => cookie.startsWith("next-auth.session-token="))).toBe(false);
    expect(decodeURIComponent(again.headers.get("location") ?? "")).toContain("This account has been disabled.");
    const audit = await serverDb.auditEvent.findFirstOrThrow({ where: { action: "user.disable", subjectId: reader.id } });
    expect(audit.summary).toBe(`Disabled ${reader.username}'s account and ended their sessions.`);

    const enabled = await api("PATCH", `/api/admin/users/${reader.id}`, "admin", { disabled: false });
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toMatchObject({ user: { id: reader.id, disabledAt: null } });
    await expect(loginCookie(reader.username, password)).resolves.toMatch(/^next-auth\.session-token=/);
    await readerContext.close();
    await page.close();
  });

  it("is for admins only, and an admin cannot demote themselves", async () => {
    const editorPage = await fetch(`${baseURL}/admin/users`, {
      headers: { cookie: await sessionCookie("editor") },
      redirect: "manual",
    });
    expect(editorPage.status).toBe(403);
    const admin = await serverDb.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect((await api("PATCH", `/api/admin/users/${admin.id}`, "editor", { role: "READER" })).status).toBe(403);
    const own = await api("PATCH", `/api/admin/users/${admin.id}`, "admin", { role: "READER" });
    expect(own.status).toBe(409);
    expect((await own.json()).error).toBe("You cannot change the role of your own account. Ask another administrator.");
    expect(await serverDb.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
  });
});
