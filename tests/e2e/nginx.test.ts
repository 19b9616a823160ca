import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startNginx, type Nginx } from "../helpers/nginx";
import { freshTmpDir } from "../helpers/paths";
import { startProductionServer, type ProductionServer } from "../helpers/production-server";
import { loginCookie } from "../helpers/session";

// The repository's nginx configuration in front of two processes of the real
// site (the suite's server and a second one on its database, with its secret):
// it spreads requests over both, goes on when one stops, keeps the public pages
// Quire marks public for as long as Quire says, and never keeps anything
// personal. Needs nginx (apt-get install -y nginx), as CI installs it.

let second: ProductionServer | undefined;
let secondDir: string | undefined;
let proxy: Nginx | undefined;
let hosts: string[] = [];
beforeAll(async () => {
  const first = new URL(inject("baseURL"));
  secondDir = freshTmpDir("second-process");
  second = await startProductionServer(secondDir, {
    DATABASE_URL: inject("databaseUrl"),
    // The suite's server made its secret in its data folder; every process of one site shares it.
    NEXTAUTH_SECRET: fs.readFileSync(path.join(inject("serverDataDir"), "secret"), "utf8").trim(),
  });
  hosts = [first.host, new URL(second.baseURL).host];
  proxy = await startNginx([first, new URL(second.baseURL)]);
}, 150_000);
afterAll(async () => {
  await proxy?.stop();
  second?.stop();
  if (secondDir) fs.rmSync(secondDir, { recursive: true, force: true });
});

/** nginx's X-Cache-Status for a request through it, after checking that Quire answered it. */
async function cacheStatus(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${proxy!.baseURL}${path}`, { headers });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return response.headers.get("x-cache-status");
}

/** Who /api/account/me says is signed in, asked through nginx, and whether nginx answered from its cache. */
async function whoAmI(cookie?: string) {
  const response = await fetch(`${proxy!.baseURL}/api/account/me`, { headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { username: string } | null };
  return { username: user?.username ?? null, cache: response.headers.get("x-cache-status") };
}

describe("nginx with scripts/deploy/nginx.conf in front of two processes", () => {
  it("spreads requests over both, and a session signed in through one is valid on the other", async () => {
    // Signed in through nginx: the CSRF token and the sign-in may well come from different processes.
    const cookie = await loginCookie("reader", "quire-reader-2026", proxy!.baseURL);
    const before = proxy!.upstreamsUsed().length;
    for (let n = 0; n < 6; n++) expect((await whoAmI(cookie)).username).toBe("reader");
    const answeredBy = new Set(proxy!.upstreamsUsed().slice(before));
    expect([...answeredBy].sort()).toEqual([...hosts].sort());
  });

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

  it("never gives one person's signed-in answer to another person or to a guest", async () => {
    const reader = await loginCookie("reader", "quire-reader-2026");
    const moderator = await loginCookie("moderator", "quire-moderator-2026");
    for (const [cookie, username] of [
      [reader, "reader"],
      [moderator, "moderator"],
      [undefined, null],
      [reader, "reader"],
    ] as const) {
      const answer = await whoAmI(cookie);
      expect(answer).toEqual({ username, cache: "MISS" });
    }
    for (const [cookie, username] of [
      [moderator, "moderator"],
      [reader, "reader"],
    ] as const) {
      const page = await fetch(`${proxy!.baseURL}/account`, { headers: { cookie } });
      expect(page.headers.get("x-cache-status")).toBe("MISS");
      expect(await page.text()).toContain(`Signed in as <strong>${username}</strong>`);
    }
  });

  it("answers every request from the other process once one has stopped", async () => {
    const cookie = await loginCookie("reader", "quire-reader-2026");
    second!.stop();
    await waitUntilRefused(second!.baseURL);
    const before = proxy!.upstreamsUsed().length;
    for (let n = 0; n < 6; n++) expect((await whoAmI(cookie)).username).toBe("reader");
    expect(await cacheStatus(`/facts?after-stop=${Date.now()}`)).toBe("MISS");
    // A POST is passed on only because it never reached the stopped process: Quire itself refuses an empty one.
    const post = await fetch(`${proxy!.baseURL}/api/articles/why-do-we-need-sleep/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    const answeredBy = proxy!
      .upstreamsUsed()
      .slice(before)
      .map((tries) => tries.split(", ").at(-1));
    expect(new Set(answeredBy)).toEqual(new Set([hosts[0]]));
  });
});

/** Polls until nothing listens at `baseURL` any more: the stopped process has finished. */
async function waitUntilRefused(baseURL: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const listening = await fetch(`${baseURL}/api/auth/csrf`).then(
      () => true,
      () => false,
    );
    if (!listening) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the second process at ${baseURL} still answers 30 s after SIGTERM`);
}
