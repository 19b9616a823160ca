import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshTmpDir } from "../helpers/paths";
import { startProductionServer, type ProductionServer } from "../helpers/production-server";
import { postCredentials } from "../helpers/session";

// A site whose SITE_URL is https: a second production server (as `npm start`
// runs it, on its own data folder) told so. Every answer carries HSTS, on a
// cache miss and on a hit, and the session cookie is Secure and __Secure-.

const dir = freshTmpDir("https-site");
let server: ProductionServer;
let baseURL: string;

beforeAll(async () => {
  server = await startProductionServer(dir, { SITE_URL: "https://quire.test" });
  baseURL = server.baseURL;
});
afterAll(async () => {
  server?.stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(dir, { recursive: true, force: true });
});

const HSTS = "max-age=31536000; includeSubDomains";

describe("a site served over https", () => {
  it("sends HSTS on every answer: cached pages (miss and hit), uncached pages, the API, errors", async () => {
    for (const request of [
      "/",
      "/",
      "/articles/why-is-the-sky-blue",
      "/articles/why-is-the-sky-blue",
      "/login",
      "/api/account/me",
      "/no-such-page",
      "/media/ffffffffffffffffffffffff/480.webp",
    ]) {
      const response = await fetch(`${baseURL}${request}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), request).toBe(HSTS);
    }
  });

  it("gives the session cookie the __Secure- prefix, Secure, HttpOnly and SameSite=Lax", async () => {
    const response = await postCredentials(
      { username: "reader", password: "quire-reader-2026", callbackUrl: "https://quire.test/" },
      { baseURL },
    );
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session, response.headers.getSetCookie().join("\n")).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  });

  it("is not claimed by a site served over plain http", async () => {
    const response = await fetch(`${inject("baseURL")}/`);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
