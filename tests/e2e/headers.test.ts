import { describe, expect, inject, it } from "vitest";

// The headers every answer carries, cached or not: no type sniffing, a
// referrer policy (none at all from the reset and confirmation pages, whose URLs hold a token),
// no powerful browser features, and framing refused outside the widgets.

const baseURL = inject("baseURL");
const get = (path: string) => fetch(`${baseURL}${path}`, { redirect: "manual" });

const PAGES = [
  "/",
  "/articles/why-is-the-sky-blue",
  "/categories/science",
  "/facts",
  "/search?q=sky",
  "/login",
  "/forgot-password",
  "/feed.xml",
  "/sitemap.xml",
  "/no-such-page",
];

describe("security headers", () => {
  it("are on every page type, on a cache miss and on a hit", async () => {
    for (const path of PAGES) {
      for (const round of ["first", "second"]) {
        const response = await get(path);
        const where = `${path} (${round} request)`;
        expect(response.headers.get("x-content-type-options"), where).toBe("nosniff");
        expect(response.headers.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
        expect(response.headers.get("permissions-policy"), where).toContain("camera=()");
        expect(response.headers.get("x-frame-options"), where).toBe("DENY");
        expect(response.headers.get("content-security-policy"), where).toContain("frame-ancestors 'none'");
      }
    }
  });

  it("send no referrer at all from the password reset and sign-up confirmation pages", async () => {
    for (const path of ["/reset-password?token=abc", "/signup/confirm?token=abc"]) {
      expect((await get(path)).headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("are on the API's JSON too", async () => {
    const response = await get("/api/account/me");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
