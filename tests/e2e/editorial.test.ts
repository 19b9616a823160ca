import crypto from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { actAs, sessionCookie, type DemoUser } from "./moderation-helpers";

// The back office as editors use it, in Chromium against the production
// server (response cache included): write, illustrate, preview, publish,
// rename, revise, collide, schedule, and what readers see at each step.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
let browser: Browser;
let editorContext: BrowserContext;
let adminContext: BrowserContext;
const created: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  editorContext = await browser.newContext({ baseURL });
  adminContext = await browser.newContext({ baseURL });
  await actAs(editorContext, "editor");
  await actAs(adminContext, "admin");
});
afterAll(async () => {
  await browser?.close();
  // Off the public pages again for the files that follow (the bin, then gone).
  await serverDb.article.deleteMany({ where: { id: { in: created } } });
  await serverDb.$disconnect();
});

const token = () => crypto.randomBytes(3).toString("hex");

/** An anonymous reader's view of a page: no cookie, as the cache serves it. */
async function anonymous(path: string): Promise<string> {
  const response = await fetch(`${baseURL}${path}`);
  return response.text();
}

async function body(page: Page) {
  return page.getByLabel("Text (Markdown)");
}

/** Writes a new draft through the editor and returns its id, with the editor page open. */
async function writeDraft(page: Page, title: string, text: string): Promise<number> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(`A summary of ${title}.`);
  await page.getByLabel("Category").selectOption({ label: "Science" });
  await page.getByLabel("Tags").fill("kettles, sound");
  await (await body(page)).fill(text);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/admin\/articles\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));
  created.push(id);
  return id;
}

async function saveWith(page: Page, button: string, answer: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByText(answer).first().waitFor({ timeout: 15_000 });
}

async function articleRow(id: number) {
  return serverDb.article.findUniqueOrThrow({ where: { id } });
}

describe("writing and publishing an article", () => {
  it("goes from a new draft with a picture, through preview, to the home page and its category at once", async () => {
    const page = await editorContext.newPage();
    const title = `How does a kettle whistle ${token()}`;
    const id = await writeDraft(page, title, "Steam escapes through a **narrow** opening.");

    // The live preview is the server's rendering of the text as it is typed.
    await (await body(page)).fill("## Why it whistles\n\nSteam escapes through a **narrow** opening.");
    await page.getByTestId("live-preview").locator("h2", { hasText: "Why it whistles" }).waitFor();
    expect(await page.getByTestId("live-preview").innerHTML()).toContain("<strong>narrow</strong>");

    // A picture, uploaded and inserted with its alt text.
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7" } })
      .png()
      .toBuffer();
    await page.getByLabel("Choose a picture").setInputFiles({ name: "kettle.png", mimeType: "image/png", buffer: png });
    await page.getByLabel(/Alt text/).fill("A kettle on a stove");
    await page.getByRole("button", { name: "Upload and insert" }).click();
    await expect
      .poll(async () => (await body(page)).inputValue(), { timeout: 15_000 })
      .toMatch(/!\[A kettle on a stove\]\(\/media\//);
    await saveWith(page, "Save draft", /Draft saved \(revision 2\)/);

    // The preview page draws the saved draft as readers will see it; readers cannot see it yet.
    await page.goto(`/admin/articles/${id}/preview`);
    await page.getByRole("heading", { name: title }).waitFor();
    expect(await page.locator("article img").getAttribute("alt")).toBe("A kettle on a stove");
    const { slug } = await articleRow(id);
    expect((await fetch(`${baseURL}/articles/${slug}`)).status).toBe(404);

    // Warm the cache with pages that must change, then publish.
    const category = "/categories/science";
    expect(await anonymous("/")).not.toContain(title);
    expect(await anonymous(category)).not.toContain(title);
    await page.goto(`/admin/articles/${id}`);
    await saveWith(page, "Publish now", /Published \(revision 3\)/);
    expect(await anonymous("/")).toContain(title);
    expect(await anonymous(category)).toContain(title);
    const articleHtml = await anonymous(`/articles/${slug}`);
    expect(articleHtml).toContain("Why it whistles");
    expect(articleHtml).toMatch(/<img[^>]+srcset="\/media\//);
  });

  it("moves Last Modified Date on an edit, and keeps an old address answering 301 after a rename", async () => {
    const page = await editorContext.newPage();
    const title = `Why do kettles fur up ${token()}`;
    const id = await writeDraft(page, title, "Hard water leaves limescale.");
    await saveWith(page, "Publish now", /Published/);
    const first = await articleRow(id);
    // Back-date the publication, as if it had been published last year (directly: there is no button for the past).
    const lastYear = new Date(Date.now() - 365 * 86_400_000);
    await serverDb.article.update({ where: { id }, data: { publishedAt: lastYear, updatedAt: lastYear } });
    await page.reload();
    await (await body(page)).fill("Hard water leaves limescale, mostly calcium carbonate.");
    await saveWith(page, "Update", /Saved and live/);
    const html = await anonymous(`/articles/${first.slug}`);
    expect(html).toContain("mostly calcium carbonate");
    const modified = /<dt>Last Modified Date<\/dt><dd><time dateTime="([^"]+)"/.exec(html)?.[1];
    expect(new Date(modified!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await page.getByLabel("Address").fill(`${first.slug}-renamed`);
    // The previous save's "Saved and live" is still on screen: wait for this save's own revision.
    const { revision } = await articleRow(id);
    await saveWith(page, "Update", new RegExp(`Saved and live.*revision ${revision + 1}`));
    const old = await fetch(`${baseURL}/articles/${first.slug}`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/articles/${first.slug}-renamed`);
    expect(await anonymous(`/articles/${first.slug}-renamed`)).toContain("mostly calcium carbonate");
  });

  it("restores an old revision from the diff page, and readers get the old text back", async () => {
    const page = await editorContext.newPage();
    const title = `What makes a kettle click ${token()}`;
    const id = await writeDraft(page, title, "A bimetallic strip bends when hot.");
    await saveWith(page, "Publish now", /Published/);
    await (await body(page)).fill("A strip of two metals, one expanding faster, bends and trips the switch.");
    await saveWith(page, "Update", /Saved and live/);
    const { slug, revision } = await articleRow(id);
    expect(await anonymous(`/articles/${slug}`)).toContain("one expanding faster");

    await page.goto(`/admin/articles/${id}/revisions?from=1&to=${revision}`);
    expect(await page.locator(".revision-diff del").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("A bimetallic strip bends when hot.")]),
    );
    expect(await page.locator(".revision-diff ins").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("one expanding faster")]),
    );
    await page.getByRole("button", { name: "Restore revision 1" }).click();
    await page.waitForURL(new RegExp(`/admin/articles/${id}$`));
    expect((await articleRow(id)).body).toBe("A bimetallic strip bends when hot.");
    expect(await anonymous(`/articles/${slug}`)).toContain("A bimetallic strip bends when hot.");
  });

  it("refuses a second browser's stale save, naming who saved first, and keeps its text on screen", async () => {
    const editorPage = await editorContext.newPage();
    const id = await writeDraft(editorPage, `Do kettles boil faster with the lid on ${token()}`, "Yes, a little.");
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`/admin/articles/${id}`);

    await (await body(adminPage)).fill("The admin's version of the text.");
    await saveWith(adminPage, "Save draft", /Draft saved/);
    await (await body(editorPage)).fill("The editor's own careful rewrite.");
    await editorPage.getByRole("button", { name: "Save draft" }).click();
    const refusal = editorPage.getByRole("alert").filter({ hasText: "Not saved" });
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.innerText()).toContain("admin saved it");
    expect(await (await body(editorPage)).inputValue()).toBe("The editor's own careful rewrite.");
    expect((await articleRow(id)).body).toBe("The admin's version of the text.");
  });

  it("publishes a scheduled article on its own when it falls due, on the cached home page too", async () => {
    const page = await editorContext.newPage();
    const title = `Why do kettles stop boiling ${token()}`;
    const id = await writeDraft(page, title, "A thermostat cuts the power.");
    expect(await anonymous("/")).not.toContain(title);
    // Through the JSON API, to the second (the editor's field is to the minute).
    const current = await articleRow(id);
    const due = new Date(Date.now() + 2000);
    const response = await fetch(`${baseURL}/api/admin/articles/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: await sessionCookie("editor") },
      body: JSON.stringify({
        title: current.title,
        summary: current.summary,
        body: current.body,
        categoryId: current.categoryId,
        authorId: current.authorId,
        baseRevision: current.revision,
        intent: "schedule",
        publishAt: due.toISOString(),
      }),
    });
    expect(response.status).toBe(200);
    expect((await articleRow(id)).status).toBe("SCHEDULED");
    expect(await anonymous("/")).not.toContain(title);
    await expect.poll(() => anonymous("/"), { timeout: 10_000, interval: 250 }).toContain(title);
    expect((await articleRow(id)).status).toBe("PUBLISHED");
  });

  it("saves with Ctrl+S, autosaves unsaved text, offers it back after a reload, and warns before leaving", async () => {
    const page = await editorContext.newPage();
    const id = await writeDraft(page, `Can a kettle boil milk ${token()}`, "It can, but it burns.");
    await (await body(page)).fill("It can, but the milk scorches on the element.");
    await page.keyboard.press("Control+s");
    await page
      .getByText(/Draft saved \(revision 2\)/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect((await articleRow(id)).body).toBe("It can, but the milk scorches on the element.");

    await (await body(page)).fill("Unsaved: descale it afterwards.");
    await page.getByText(/kept by autosave at/).waitFor({ timeout: 15_000 });
    expect((await serverDb.articleAutosave.findFirstOrThrow({ where: { articleId: id } })).draft).toContain(
      "Unsaved: descale it afterwards.",
    );
    expect((await articleRow(id)).body).toBe("It can, but the milk scorches on the element.");

    const warned = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await warned).toBe("beforeunload");

    const again = await editorContext.newPage();
    await again.goto(`/admin/articles/${id}`);
    await again.getByRole("button", { name: "Restore them" }).click();
    expect(await (await body(again)).inputValue()).toBe("Unsaved: descale it afterwards.");
    await again.close();
  });

  it("runs no script an editor writes into the text, in the preview or on the public page", async () => {
    const page = await editorContext.newPage();
    const hostile = `Hello <script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> [link](javascript:window.pwned=3)`;
    await writeDraft(page, `A hostile article ${token()}`, hostile);
    await page.getByTestId("live-preview").locator("a", { hasText: "link" }).waitFor();
    await saveWith(page, "Publish now", /Published/);
    const id = Number(new URL(page.url()).pathname.split("/").at(-1));
    const reader = await browser.newPage({ baseURL });
    await reader.goto(`/articles/${(await articleRow(id)).slug}`);
    await reader.getByText("Hello").first().waitFor();
    // The javascript: link keeps its words but loses its address, so there is nothing to follow.
    expect(await reader.locator("a", { hasText: /^link$/ }).getAttribute("href")).toBeNull();
    expect(await reader.content()).not.toContain("javascript:");
    expect(await reader.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await reader.close();
  });
});

describe("pictures through the API", () => {
  const upload = async (body: string) =>
    fetch(`${baseURL}/api/admin/images`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await sessionCookie("editor") },
      body,
    });

  it("serves an upload as WebP with a year's cache, and refuses an SVG and an oversized file with a sentence", async () => {
    const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: "#abc" } })
      .png()
      .toBuffer();
    const accepted = await upload(JSON.stringify({ alt: "A blue square", data: png.toString("base64") }));
    expect(accepted.status).toBe(201);
    const { image } = (await accepted.json()) as { image: { url: string; widths: number[] } };
    expect(image.widths).toEqual([480, 700]);
    const served = await fetch(`${baseURL}${image.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("set-cookie")).toBeNull();

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusedSvg = await upload(JSON.stringify({ alt: "A drawing", data: svg.toString("base64") }));
    expect(refusedSvg.status).toBe(400);
    expect(JSON.stringify(await refusedSvg.json())).toContain("SVG is not accepted");

    const huge = await upload(JSON.stringify({ alt: "Huge", data: "A".repeat(15 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/at most/);
    expect((await fetch(`${baseURL}/media/ffffffffffffffffffffffff/480.webp`)).status).toBe(404);
  });
});

describe("who may use the back office", () => {
  const refused: (DemoUser | null)[] = [null, "reader", "moderator"];
  const who = (user: DemoUser | null) => user ?? "a guest";
  const headers = async (user: DemoUser | null, json = false) => ({
    ...(user ? { cookie: await sessionCookie(user) } : {}),
    ...(json ? { "content-type": "application/json" } : {}),
  });

  async function state() {
    return {
      articles: await serverDb.article.findMany({ orderBy: { id: "asc" } }),
      revisions: await serverDb.articleRevision.count(),
      autosaves: await serverDb.articleAutosave.count(),
      images: await serverDb.image.count(),
    };
  }

  it("sends guests to log in and answers 403 to readers and moderators on every page", async () => {
    const { id } = await serverDb.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const pages = [
      "/admin",
      "/admin/articles/new",
      `/admin/articles/${id}`,
      `/admin/articles/${id}/preview`,
      `/admin/articles/${id}/revisions`,
    ];
    for (const user of refused) {
      for (const path of pages) {
        const response = await fetch(`${baseURL}${path}`, { headers: await headers(user), redirect: "manual" });
        if (user === null) {
          expect(response.status, `${path} as ${who(user)}`).toBe(307);
          expect(response.headers.get("location"), path).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
        } else {
          expect(response.status, `${path} as ${who(user)}`).toBe(403);
          expect(await response.text()).toContain("the back office for editors");
        }
      }
    }
  });

  it("refuses every API call with 401 or 403 and a sentence, changing nothing", async () => {
    const article = await serverDb.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const fields = {
      title: "Taken over",
      summary: "Taken over.",
      body: "Taken over.",
      categoryId: article.categoryId,
      authorId: article.authorId,
      baseRevision: article.revision,
      intent: "publish",
    };
    const calls: [string, string, unknown][] = [
      ["GET", "/api/admin/articles", undefined],
      ["POST", "/api/admin/articles", fields],
      ["GET", `/api/admin/articles/${article.id}`, undefined],
      ["PUT", `/api/admin/articles/${article.id}`, fields],
      ["DELETE", `/api/admin/articles/${article.id}`, {}],
      ["POST", `/api/admin/articles/${article.id}/restore`, {}],
      ["PUT", `/api/admin/articles/${article.id}/autosave`, { baseRevision: 1, draft: { title: "x", summary: "x", body: "x" } }],
      ["GET", `/api/admin/articles/${article.id}/revisions`, undefined],
      ["POST", `/api/admin/articles/${article.id}/revisions/1/restore`, { baseRevision: article.revision }],
      ["POST", "/api/admin/preview", { body: "x" }],
      ["POST", "/api/admin/images", { alt: "x", data: "iVBORw0KGgo=" }],
    ];
    const before = await state();
    for (const user of refused) {
      for (const [method, path, payload] of calls) {
        const response = await fetch(`${baseURL}${path}`, {
          method,
          headers: await headers(user, payload !== undefined),
          body: payload === undefined ? undefined : JSON.stringify(payload),
        });
        expect(response.status, `${method} ${path} as ${who(user)}`).toBe(user === null ? 401 : 403);
        expect(((await response.json()) as { error: string }).error).toMatch(user === null ? /log in/i : /editor/i);
      }
    }
    expect(await state()).toEqual(before);
  });
});
