import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { rawRequest } from "../helpers/raw-http";
import { connectServerDatabase } from "../helpers/server-db";

// The widgets as another site uses them: a plain page served from another
// port (another origin) frames each embed, once with the iframe snippet and
// once with the script snippet, and a real Chromium draws them. The same page
// tries to frame ordinary Quire pages, which must refuse.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const EMBED_BUDGET_BYTES = 5 * 1024;
const EMBEDS = [
  { kind: "fact", path: "/embed/fact", heading: "Did you know?" },
  { kind: "history", path: "/embed/history", heading: "Today in history" },
  { kind: "latest", path: "/embed/latest", heading: "Latest articles" },
  { kind: "science", path: "/embed/latest?category=science", heading: "Latest in Science" },
] as const;
const REFUSED = ["/", "/login"];

/** The other site's page: each embed both ways, and two pages that must not be framed. */
function hostPage(): string {
  const snippets = EMBEDS.map(({ kind, path }) => {
    const category = kind === "science" ? ' data-category="science"' : "";
    const widget = kind === "science" ? "latest" : kind;
    return (
      `<h2>${kind}</h2><iframe id="${kind}-iframe" src="${baseURL}${path}" width="320" height="300"></iframe>` +
      `<div id="${kind}-script"><script async src="${baseURL}/embed.js" data-quire-widget="${widget}"${category}></script></div>`
    );
  });
  const refused = REFUSED.map(
    (path, i) => `<iframe id="refused-${i}" src="${baseURL}${path}" width="320" height="200"></iframe>`,
  );
  return `<!doctype html><html><head><title>Another site</title></head><body><h1>Another site</h1>${snippets.join("")}${refused.join("")}</body></html>`;
}

let host: http.Server;
let hostURL: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(hostPage());
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
  // Tall enough that no lazy frame waits for a scroll.
  context = await browser.newContext({ viewport: { width: 1280, height: 6000 } });
  page = await context.newPage();
  await page.goto(hostURL, { waitUntil: "load" });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await serverDb.$disconnect();
});

/** The frame an element on the host page holds, once it has loaded. */
async function frameOf(selector: string): Promise<Frame> {
  const element = await page.waitForSelector(selector, { state: "attached" });
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`${selector} holds no frame`);
  await frame.waitForLoadState("load");
  return frame;
}

describe("a page on another site", () => {
  for (const embed of EMBEDS) {
    for (const way of ["iframe", "script"] as const) {
      it(`draws the ${embed.kind} widget from the ${way} snippet`, async () => {
        const frame = await frameOf(way === "iframe" ? `#${embed.kind}-iframe` : `#${embed.kind}-script > iframe`);
        expect(frame.url()).toBe(`${baseURL}${embed.path}`);
        await frame.getByRole("heading", { level: 1, name: embed.heading }).waitFor();
        const text = await frame.locator("body").innerText();
        expect(text.length).toBeGreaterThan(60);
        const links = await frame
          .locator("a")
          .evaluateAll((anchors) =>
            anchors.map((a) => ({ href: a.getAttribute("href"), target: a.getAttribute("target"), rel: a.getAttribute("rel") })),
          );
        expect(links.length).toBeGreaterThan(1);
        for (const link of links)
          expect(link).toEqual({ href: expect.stringMatching(`^${baseURL}/`), target: "_blank", rel: "noopener" });
      });
    }
  }

  it("puts exactly one frame after each script tag, however many scripts loaded the loader", async () => {
    for (const { kind } of EMBEDS) expect(await page.locator(`#${kind}-script > iframe`).count(), kind).toBe(1);
    expect(await page.locator("#science-script > iframe").getAttribute("src")).toBe(`${baseURL}/embed/latest?category=science`);
  });

  it("opens an article from the widget on Quire in a new tab, leaving the host page where it was", async () => {
    const frame = await frameOf("#latest-script > iframe");
    const first = frame.locator("ol a").first();
    const title = await first.innerText();
    const [tab] = await Promise.all([context.waitForEvent("page"), first.click()]);
    await tab.waitForLoadState("load");
    expect(tab.url()).toMatch(new RegExp(`^${baseURL}/articles/`));
    expect(await tab.getByRole("heading", { level: 1 }).innerText()).toBe(title.replace(/…$/, ""));
    expect(page.url()).toBe(hostURL);
    await tab.close();
  });

  it("cannot frame Quire's ordinary pages: the browser refuses them", async () => {
    for (const [i, path] of REFUSED.entries()) {
      const element = await page.waitForSelector(`#refused-${i}`, { state: "attached" });
      const frame = await element.contentFrame();
      // Chromium replaces a refused frame with its own error page.
      await expect.poll(() => frame?.url(), { message: path }).toMatch(/^chrome-error:/);
      expect(await frame!.locator("h1", { hasText: /Latest articles|Log in/ }).count(), path).toBe(0);
    }
  });
});

describe("the embeds over HTTP", () => {
  it("are small, cookie-free, cacheable and the only pages any site may frame", async () => {
    const sizes: Record<string, number> = {};
    for (const { path } of EMBEDS) {
      // Twice: the stored copy (a hit) must carry the same headers as the render (a miss).
      for (const state of ["miss or hit", "hit"]) {
        const response = await rawRequest(`${baseURL}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers["set-cookie"], path).toBeUndefined();
        expect(response.headers["content-security-policy"], path).toContain("frame-ancestors *");
        expect(response.headers["x-frame-options"], path).toBeUndefined();
        expect(response.headers["cache-control"], path).toMatch(/^public, /);
        expect(response.body.toString("utf8"), path).not.toMatch(/<script|\/_next\//);
        if (state === "hit") expect(response.headers["x-quire-cache"], path).toBe("hit");
        sizes[path] = response.body.length;
      }
    }
    expect(
      Object.values(sizes).every((bytes) => bytes <= EMBED_BUDGET_BYTES),
      JSON.stringify(sizes),
    ).toBe(true);
    const loader = await rawRequest(`${baseURL}/embed.js`);
    expect(loader.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(loader.headers["set-cookie"]).toBeUndefined();
    expect(loader.body.length).toBeLessThanOrEqual(2048);
  });

  it("answer an unknown category with a small 'no such category' embed and 404", async () => {
    const response = await rawRequest(`${baseURL}/embed/latest?category=no-such-category`);
    expect(response.status).toBe(404);
    expect(response.body.toString("utf8")).toContain("No such category");
    expect(response.body.length).toBeLessThanOrEqual(EMBED_BUDGET_BYTES);
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors *");
  });

  it("leave every other page refusing to be framed, from the cache too", async () => {
    for (const path of [...REFUSED, "/widgets", "/embed/no-such-widget"]) {
      for (let i = 0; i < 2; i++) {
        const response = await rawRequest(`${baseURL}${path}`);
        expect(response.headers["x-frame-options"], path).toBe("DENY");
        expect(String(response.headers["content-security-policy"]).split(/;\s*/), path).toContain("frame-ancestors 'none'");
      }
    }
  });
});

describe("the widgets page", () => {
  it("previews each widget live and offers both snippets with Quire's own address", async () => {
    const own = await browser.newPage({ baseURL, javaScriptEnabled: false });
    await own.goto("/widgets");
    for (const name of ["Did you know?", "Today in history", "Latest articles"]) {
      const section = own.getByRole("region", { name });
      const preview = await (await section.locator("iframe").elementHandle())!.contentFrame();
      await preview!.getByRole("heading", { level: 1 }).waitFor();
      const codes = await section.locator("pre").allInnerTexts();
      expect(codes[0]).toMatch(new RegExp(`^<iframe src="${baseURL}/embed/`));
      expect(codes[1]).toMatch(new RegExp(`^<script async src="${baseURL}/embed.js" data-quire-widget="`));
    }
    // Choosing a category, without JavaScript, changes the latest-articles code and preview.
    await own.getByLabel("Articles from").selectOption("money");
    await Promise.all([
      own.waitForURL("**/widgets?category=money#latest"),
      own.getByRole("button", { name: "Show the code" }).click(),
    ]);
    const latest = own.getByRole("region", { name: "Latest articles" });
    expect(await latest.locator("iframe").getAttribute("src")).toBe("/embed/latest?category=money");
    expect((await latest.locator("pre").allInnerTexts()).join("\n")).toContain('data-category="money"');
    await own.close();
  });
});
