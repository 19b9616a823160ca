import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../helpers/free-port";
import { freshTmpDir, ROOT } from "../helpers/paths";
import { postCredentials } from "../helpers/session";

// A site whose SITE_URL is https: a second production server (as `npm start`
// runs it, on its own data folder) told so. Every answer carries HSTS, on a
// cache miss and on a hit, and the session cookie is Secure and __Secure-.

const dir = freshTmpDir("https-site");
let server: ChildProcess;
let baseURL: string;

beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dir, "server.log"), "a");
  server = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SITE_URL: "https://quire.test",
      NEXTAUTH_URL: "",
      NEXTAUTH_SECRET: "",
      QUIRE_DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, "quire.db")}`,
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early; see ${dir}/server.log`);
    const answered = await fetch(`${baseURL}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`server did not start; see ${dir}/server.log`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});
afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
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
