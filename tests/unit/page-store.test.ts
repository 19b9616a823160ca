import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { PageStore, type CachedPage } from "@/lib/response-cache/store";
import { pageKey } from "@/lib/response-cache/routes";
import { isStorable } from "@/lib/response-cache/page";
import { nextSiteMidnight } from "@/lib/calendar";

function page(key: string, { tags = ["site"], bytes = 1000, expiresAt = Date.now() + 60_000 } = {}): CachedPage {
  return { key, status: 200, headers: {}, body: Buffer.alloc(bytes), encoded: {}, etag: key, tags, expiresAt, wire: new Map() };
}

describe("the page store", () => {
  it("drops the pages holding a changed tag, and only those", () => {
    const store = new PageStore(1e6);
    store.put(page("/articles/a", { tags: ["site", "posts:1"] }), store.renderStarted());
    store.put(page("/articles/b", { tags: ["site", "posts:2"] }), store.renderStarted());
    store.invalidate(["posts:1"]);
    expect(store.get("/articles/a")).toBeUndefined();
    expect(store.get("/articles/b")?.key).toBe("/articles/b");
  });

  it("refuses a page whose render began before a write to its data", () => {
    const store = new PageStore(1e6);
    const startedBeforeTheWrite = store.renderStarted();
    store.invalidate(["posts:1"]);
    expect(store.put(page("/articles/a", { tags: ["site", "posts:1"] }), startedBeforeTheWrite)).toBe(false);
    expect(store.get("/articles/a")).toBeUndefined();
    // A render of other data that began at the same time is still good.
    expect(store.put(page("/articles/b", { tags: ["site", "posts:2"] }), startedBeforeTheWrite)).toBe(true);
    // And a render that began after the write is stored.
    expect(store.put(page("/articles/a", { tags: ["site", "posts:1"] }), store.renderStarted())).toBe(true);
  });

  /** What one page of `bytes` costs the store, bookkeeping included. */
  function costOf(bytes: number): number {
    const probe = new PageStore(1e9);
    probe.put(page("/", { bytes }), probe.renderStarted());
    return probe.totalBytes;
  }

  it("keeps within its bytes by letting the least recently used pages go", () => {
    const cost = costOf(2000);
    const store = new PageStore(Math.floor(3.5 * cost));
    for (const key of ["/1", "/2", "/3"]) store.put(page(key, { bytes: 2000 }), store.renderStarted());
    store.get("/1");
    store.put(page("/4", { bytes: 2000 }), store.renderStarted());
    expect(store.totalBytes).toBe(3 * cost);
    expect(store.get("/2")).toBeUndefined();
    expect(["/1", "/3", "/4"].map((key) => store.get(key)?.key)).toEqual(["/1", "/3", "/4"]);
  });

  it("counts compressed copies against its bytes", () => {
    const cost = costOf(3000);
    const store = new PageStore(Math.floor(2.5 * cost));
    const first = page("/1", { bytes: 3000 });
    store.put(first, store.renderStarted());
    store.put(page("/2", { bytes: 3000 }), store.renderStarted());
    store.addEncoding(first, "br", Buffer.alloc(Math.ceil(0.6 * cost)));
    expect(store.totalBytes).toBe(cost);
    expect(store.get("/1")).toBeUndefined();
    expect(store.get("/2")?.key).toBe("/2");
  });

  it("does not let one huge page push out everything else", () => {
    const store = new PageStore(costOf(1000));
    expect(store.put(page("/huge", { bytes: 1000 }), store.renderStarted())).toBe(false);
  });

  it("forgets a page once it expires", () => {
    const store = new PageStore(1e6);
    store.put(page("/", { expiresAt: 5000 }), store.renderStarted());
    expect(store.get("/", 4999)?.key).toBe("/");
    expect(store.get("/", 5000)).toBeUndefined();
    expect(store.size).toBe(0);
  });
});

function request(url: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return { url, method, headers } as unknown as IncomingMessage;
}

describe("which requests the cache answers", () => {
  it("keys public pages by path, ignoring queries they do not read", () => {
    expect(pageKey(request("/articles/why-do-we-need-sleep?utm_source=feed"))).toBe("/articles/why-do-we-need-sleep");
    expect(pageKey(request("/articles/a/posts/2", { method: "HEAD" }))).toBe("/articles/a/posts/2");
    expect(pageKey(request("/"))).toBe("/");
  });

  it("leaves accounts, moderation, the API, a guest's receipt page and writes to Next", () => {
    for (const url of ["/login", "/moderate", "/api/account/me", "/articles/a/posted", "/reset-password?token=x"]) {
      expect(pageKey(request(url))).toBeNull();
    }
    expect(pageKey(request("/articles/a", { method: "POST" }))).toBeNull();
  });

  it("leaves Next's client navigations and server actions to Next", () => {
    expect(pageKey(request("/articles/a", { headers: { rsc: "1" } }))).toBeNull();
    expect(pageKey(request("/articles/a", { headers: { "next-action": "abc" } }))).toBeNull();
    expect(pageKey(request("/articles/a?_rsc=x1y2"))).toBeNull();
  });
});

describe("which responses the cache keeps", () => {
  const response = (status: number, headers: Record<string, string | string[]> = {}) => ({
    status,
    headers,
    body: Buffer.from("page"),
  });

  it("keeps pages, old addresses' redirects and 'not found' pages", () => {
    expect([200, 301, 404].map((status) => isStorable(response(status, { "content-type": "text/html" })))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("never keeps a response that sets a cookie, an error, or any other status", () => {
    expect(isStorable(response(200, { "set-cookie": ["next-auth.session-token=abc"] }))).toBe(false);
    expect([302, 303, 307, 308, 400, 403, 429, 500, 503].filter((status) => isStorable(response(status)))).toEqual([]);
  });
});

describe("the site's midnight", () => {
  it("is when the calendar day changes in the site's zone, also on daylight-saving days", () => {
    expect(nextSiteMidnight(new Date("2026-12-02T15:30:00Z"), "UTC").toISOString()).toBe("2026-12-03T00:00:00.000Z");
    // New York springs forward on 8 March 2026 and falls back on 1 November.
    expect(nextSiteMidnight(new Date("2026-03-08T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(nextSiteMidnight(new Date("2026-11-01T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(nextSiteMidnight(new Date("2026-11-25T20:00:00Z"), "Asia/Tokyo").toISOString()).toBe("2026-11-26T15:00:00.000Z");
  });
});
