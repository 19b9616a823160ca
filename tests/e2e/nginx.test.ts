import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startNginx } from "../helpers/nginx";
import { loginCookie } from "../helpers/session";

// The repository's nginx configuration in front of the real server: it keeps
// the public pages Quire marks public, for as long as Quire says, and never
// keeps anything personal. Needs nginx (apt-get install -y nginx), as CI installs it.

let proxy: Awaited<ReturnType<typeof startNginx>> | undefined;
beforeAll(async () => {
  proxy = await startNginx(new URL(inject("baseURL")));
});
afterAll(async () => {
  await proxy?.stop();
});

/** nginx's X-Cache-Status for a request through it, after checking that Quire answered it. */
async function cacheStatus(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${proxy!.baseURL}${path}`, { headers });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return response.headers.get("x-cache-status");
}

describe("nginx with scripts/deploy/nginx.conf", () => {
  it("serves a public page from its own cache after the first request, signed in or not", async () => {
    const cookie = await loginCookie("reader", "quire-reader-2026");
    expect(await cacheStatus("/facts", { cookie })).toBe("MISS");
    expect(await cacheStatus("/facts")).toBe("HIT");
    expect(await cacheStatus("/facts", { cookie })).toBe("HIT");
  });

  it("never keeps a personal page or an API answer", async () => {
    for (const path of ["/login", "/api/account/me"]) {
      await cacheStatus(path);
      expect(await cacheStatus(path)).toBe("MISS");
    }
  });
});
