import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { connectServerDatabase } from "../helpers/server-db";
import { createUser, uniqueName } from "../helpers/factories";
import { waitForMail } from "../helpers/mailbox";
import { loginCookie, postCredentials } from "../helpers/session";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";
import { freshArticle, guestPost, sessionCookie } from "./moderation-helpers";

// Attacks on accounts, over HTTP against the production server: guessing
// passwords through every login door, sessions outliving a reset or a role
// change, callbackUrl as an open redirect, and forms or server-action calls
// sent from another site. Each attack is shown refused, and shown to change
// nothing, next to the same request sent the legitimate way, which works.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const PASSWORD = "an attacked passphrase";
const createdUsers: number[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await clearRateLimits(serverDb, "login:");
});
afterAll(async () => {
  await browser?.close();
  await clearRateLimits(serverDb, "login:");
  await clearRateLimits(serverDb, "signup:");
  await clearRateLimits(serverDb, "forgot:");
  await serverDb.pendingSignup.deleteMany({ where: { email: { startsWith: "attack" } } });
  await serverDb.auditEvent.deleteMany({ where: { subjectType: "user", subjectId: { in: createdUsers } } });
  await serverDb.user.deleteMany({ where: { id: { in: createdUsers } } });
  await serverDb.$disconnect();
});

async function newUser(role: "READER" | "MODERATOR" = "READER") {
  const user = await createUser(serverDb, { role, password: PASSWORD, username: uniqueName("attack") });
  createdUsers.push(user.id);
  return user;
}

const SAME_ORIGIN = { origin: baseURL, "sec-fetch-site": "same-origin" };
const port = new URL(baseURL).port;
/** What a browser says when another page (or a sibling host) sends a form or a fetch here. */
const FOREIGN: [string, Record<string, string>][] = [
  ["another site's Origin", { origin: "https://evil.example" }],
  ["another site's Origin and Sec-Fetch-Site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: cross-site and no Origin", { "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: cross-site beside this site's Origin", { origin: baseURL, "sec-fetch-site": "cross-site" }],
  [
    "Sec-Fetch-Site: same-site (a sibling host)",
    { origin: `http://www.127.0.0.1.nip.io:${port}`, "sec-fetch-site": "same-site" },
  ],
  ["a blanked Origin from another site", { origin: "null", "sec-fetch-site": "cross-site" }],
  ["a blanked Origin and no Sec-Fetch-Site", { origin: "null" }],
  ["a lookalike host's Origin", { origin: `http://127.0.0.1.evil.example:${port}` }],
  ["an Origin that is no address", { origin: "evil" }],
];

const decodeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields React renders into a page's server-action form (the action's id and state), as a browser would send them. */
async function actionFields(path: string, cookie?: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseURL}${path}`, { headers: cookie ? { cookie } : {} })).text();
  const form = html.match(/<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/)?.[1];
  if (!form) throw new Error(`no server-action form on ${path}`);
  const hidden = [...form.matchAll(/<input type="hidden" name="(\$[^"]+)"(?: value="([^"]*)")?\/>/g)];
  return hidden.map(([, name, value]) => [name!, decodeHtml(value ?? "")]);
}

/** A form POST to a page, as a browser without JavaScript sends it: multipart, with the form's hidden action fields. */
async function postPageForm(path: string, fields: Record<string, string>, headers: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of await actionFields(path)) body.append(name, value);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return fetch(`${baseURL}${path}`, { method: "POST", body, headers, redirect: "manual" });
}

const sessionSet = (response: Response) => response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));

/** Attempts counted against a throttle key so far: a request that was refused before it ran counts none. */
async function attemptsCounted(key: string): Promise<number> {
  const rows = await serverDb.rateLimit.findMany({ where: { key } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

describe("guessing passwords", () => {
  it("is throttled per account through next-auth's endpoint and the login form alike, even with the right password", async () => {
    const restore = await changeSiteSettings(serverDb, { loginRateLimitPerAccount: { max: 3, windowSeconds: 900 } });
    try {
      const user = await newUser();
      const guesses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await postCredentials({ username: user.username, password: `guess ${i}`, callbackUrl: "/" });
        guesses.push(new URL(answer.headers.get("location")!, baseURL).searchParams.get("error"));
      }
      expect(guesses).toEqual(Array(3).fill("Incorrect username or password."));

      const right = await postCredentials({ username: user.username, password: PASSWORD, callbackUrl: "/" });
      expect(new URL(right.headers.get("location")!, baseURL).searchParams.get("error")).toMatch(/^Too many attempts/);
      expect(sessionSet(right)).toBe(false);
      // The login page's own form (a server action) shares the count.
      const form = await postPageForm("/login", { username: user.username, password: PASSWORD, callbackUrl: "/" }, SAME_ORIGIN);
      expect(form.status).toBe(200);
      expect(await form.text()).toMatch(/Too many attempts\. Please try again in \d+ (minute|second)s?\./);
      expect(sessionSet(form)).toBe(false);
    } finally {
      await restore();
    }
  });

  it("is throttled per client address across accounts, through next-auth's endpoint", async () => {
    await clearRateLimits(serverDb, "login:ip:");
    const restore = await changeSiteSettings(serverDb, { loginRateLimitPerIp: { max: 3, windowSeconds: 900 } });
    try {
      const user = await newUser();
      for (let i = 0; i < 3; i++) await postCredentials({ username: uniqueName("nobody"), password: PASSWORD, callbackUrl: "/" });
      const right = await postCredentials({ username: user.username, password: PASSWORD, callbackUrl: "/" });
      expect(new URL(right.headers.get("location")!, baseURL).searchParams.get("error")).toMatch(/^Too many attempts/);
      expect(sessionSet(right)).toBe(false);
    } finally {
      await restore();
      await clearRateLimits(serverDb, "login:");
    }
  });
});

describe("a session opened before", () => {
  async function moderatorWithSession() {
    const moderator = await newUser("MODERATOR");
    const cookie = await loginCookie(moderator.username, PASSWORD);
    const article = await freshArticle(serverDb);
    const post = await guestPost(serverDb, article.id);
    const moderate = await fetch(`${baseURL}/moderate`, { headers: { cookie }, redirect: "manual" });
    expect(moderate.status).toBe(200);
    return { moderator, cookie, post, articleId: article.id };
  }

  /** What the old cookie still opens: the moderation page, and the moderation API on a waiting post (which must stay waiting). */
  async function whatTheOldCookieOpens(cookie: string, postId: number) {
    const page = await fetch(`${baseURL}/moderate`, { headers: { cookie }, redirect: "manual" });
    const api = await fetch(`${baseURL}/api/moderation/comments/${postId}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ action: "approve" }),
    });
    const me = (await (await fetch(`${baseURL}/api/account/me`, { headers: { cookie } })).json()) as { user: unknown };
    const post = await serverDb.comment.findUniqueOrThrow({ where: { id: postId } });
    return { page: page.status, login: page.headers.get("location"), api: api.status, me: me.user, post: post.status };
  }

  const ended = { page: 307, login: "/login?callbackUrl=%2Fmoderate", api: 401, me: null, post: "PENDING" };

  it("opens nothing privileged once an admin changes the account's role through the API", async () => {
    const { moderator, cookie, post, articleId } = await moderatorWithSession();
    const changed = await fetch(`${baseURL}/api/admin/users/${moderator.id}`, {
      method: "PATCH",
      headers: { cookie: await sessionCookie("admin"), "content-type": "application/json" },
      body: JSON.stringify({ role: "READER" }),
    });
    expect(changed.status).toBe(200);
    expect(await whatTheOldCookieOpens(cookie, post.id)).toEqual(ended);
    // Logged in again, the account has the reader's rights only.
    const fresh = await loginCookie(moderator.username, PASSWORD);
    expect((await fetch(`${baseURL}/moderate`, { headers: { cookie: fresh }, redirect: "manual" })).status).toBe(403);
    await serverDb.article.delete({ where: { id: articleId } });
  });

  it("opens nothing privileged once the password is reset through the emailed link", async () => {
    const { moderator, cookie, post, articleId } = await moderatorWithSession();
    const asked = await fetch(`${baseURL}/api/account/forgot`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: moderator.email }),
    });
    expect(asked.status).toBe(202);
    const token = decodeURIComponent((await waitForMail(moderator.email)).text.match(/reset-password\?token=(\S+)/)![1]!);
    const reset = await fetch(`${baseURL}/api/account/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: "a new passphrase after the reset" }),
    });
    expect(reset.status).toBe(200);
    expect(await whatTheOldCookieOpens(cookie, post.id)).toEqual(ended);
    await serverDb.article.delete({ where: { id: articleId } });
  });
});

/** callbackUrl values that try to leave the site after login. */
const OPEN_REDIRECTS = [
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "https:evil.example",
  "http:\\\\evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "javascript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "http://127.0.0.1.evil.example/",
  `${baseURL}@evil.example/`,
  "/\t/evil.example",
  " //evil.example",
  "/.//evil.example",
  "/..//evil.example",
  `${baseURL}//evil.example`,
  "/\r\nLocation: https://evil.example",
  "/%0d%0aSet-Cookie:%20hijacked=1",
];

/** Where a Location or a link leads from a page of this site. */
const landsOn = (target: string) => new URL(target, `${baseURL}/login`).origin;
/** A path (a form field, a Location, a link) that names no other host. */
const ON_THIS_SITE = /^(\/(?![/\\])|http:\/\/127\.0\.0\.1:\d+(\/(?![/\\])|$))/;

describe("callbackUrl", () => {
  it("leads only to a page of this site: in the login page's form and link, its server action and next-auth's callback", async () => {
    const restore = await changeSiteSettings(serverDb, { loginRateLimitPerAccount: { max: 1000, windowSeconds: 900 } });
    try {
      const user = await newUser();
      const cookie = await loginCookie(user.username, PASSWORD);
      for (const evil of OPEN_REDIRECTS) {
        const what = JSON.stringify(evil);
        const page = await (await fetch(`${baseURL}/login?callbackUrl=${encodeURIComponent(evil)}`)).text();
        const field = decodeHtml(page.match(/name="callbackUrl" value="([^"]*)"/)![1]!);
        expect(field, what).toMatch(ON_THIS_SITE);
        const signedIn = await fetch(`${baseURL}/login?callbackUrl=${encodeURIComponent(evil)}`, { headers: { cookie } });
        const link = decodeHtml((await signedIn.text()).match(/<a href="([^"]*)">Carry on reading/)![1]!);
        expect(link, what).toMatch(ON_THIS_SITE);

        // A tampered form: the value sent as it is, not as the page wrote it.
        const action = await postPageForm(
          "/login",
          { username: user.username, password: PASSWORD, callbackUrl: evil },
          SAME_ORIGIN,
        );
        expect(action.status, what).toBe(303);
        expect(action.headers.get("location"), what).toMatch(ON_THIS_SITE);
        expect(landsOn(action.headers.get("location")!), what).toBe(baseURL);
        expect(action.headers.get("set-cookie"), what).not.toContain("hijacked");

        const nextAuth = await postCredentials({ username: user.username, password: PASSWORD, callbackUrl: evil });
        expect(nextAuth.status, what).toBe(302);
        expect(nextAuth.headers.get("location"), what).toMatch(ON_THIS_SITE);
        expect(landsOn(nextAuth.headers.get("location")!), what).toBe(baseURL);
      }
      // An address on this very site is kept, query and all.
      const own = await postPageForm(
        "/login",
        { username: user.username, password: PASSWORD, callbackUrl: `${baseURL}/facts?page=2` },
        SAME_ORIGIN,
      );
      expect(own.headers.get("location")).toBe("/facts?page=2");
      const ownNextAuth = await postCredentials({
        username: user.username,
        password: PASSWORD,
        callbackUrl: `${baseURL}/facts?page=2`,
      });
      expect(ownNextAuth.headers.get("location")).toBe(`${baseURL}/facts?page=2`);
    } finally {
      await restore();
    }
  });
});

type AccountForm = {
  path: string;
  fields: Record<string, string>;
  /** Fills and sends the form in a browser with JavaScript. */
  fill: (page: Page) => Promise<void>;
  /** What a post of the form leaves behind: a refused one, nothing. */
  trace: () => Promise<{ attempts: number } & Record<string, number>>;
};

/** The account forms, each with what a successful post of it leaves behind. */
async function accountForms(): Promise<AccountForm[]> {
  const user = await newUser();
  const email = `${uniqueName("attack")}@example.com`;
  return [
    {
      path: "/login",
      fields: { username: user.username, password: PASSWORD, callbackUrl: "/" },
      fill: async (page: Page) => {
        await page.getByLabel("Username or email", { exact: true }).fill(user.username);
        await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
        await page.getByRole("button", { name: "Log in", exact: true }).click();
      },
      trace: async () => ({ attempts: await attemptsCounted(`login:account:${user.username.toLowerCase()}`) }),
    },
    {
      path: "/signup",
      fields: { username: uniqueName("attack"), email, password: PASSWORD },
      fill: async (page: Page) => {
        await page.getByLabel("Username", { exact: true }).fill(uniqueName("attack"));
        await page.getByLabel("Email", { exact: true }).fill(email);
        await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
        await page.getByRole("button", { name: "Sign up" }).click();
      },
      trace: async () => ({ attempts: await attemptsCounted(`signup:email:${email}`) }),
    },
    {
      path: "/forgot-password",
      fields: { email: user.email },
      fill: async (page: Page) => {
        await page.getByLabel("Email", { exact: true }).fill(user.email);
        await page.getByRole("button", { name: "Send me a reset link" }).click();
      },
      trace: async () => ({
        attempts: await attemptsCounted(`forgot:email:${user.email}`),
        links: await serverDb.passwordResetToken.count({ where: { userId: user.id } }),
      }),
    },
  ];
}

/** The request the page's script sends for its server action (Next-Action header), caught before it leaves the browser. */
async function capturedActionCall(path: string, fill: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  let caught: (call: { headers: Record<string, string>; body: Blob }) => void;
  const captured = new Promise<{ headers: Record<string, string>; body: Blob }>((resolve) => (caught = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      const sent = await request.allHeaders();
      const kept = ["next-action", "content-type", "accept", "next-router-state-tree"].filter((name) => sent[name]);
      caught({
        headers: Object.fromEntries(kept.map((name) => [name, sent[name]!])),
        body: new Blob([new Uint8Array(request.postDataBuffer()!)]),
      });
      await route.abort();
    },
  );
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await fill(page);
  const call = await captured;
  await context.close();
  return call;
}

describe("a request from another site", () => {
  it("cannot send an account form without JavaScript, a form post with the page's own action fields", async () => {
    let refused = 0;
    for (const form of await accountForms()) {
      const before = await form.trace();
      for (const [what, headers] of FOREIGN) {
        const answer = await postPageForm(form.path, form.fields, headers);
        expect(answer.status, `${form.path}: ${what}`).toBe(403);
        expect(await answer.text(), `${form.path}: ${what}`).toMatch(/only be sent from this site's own pages/);
        expect(sessionSet(answer), `${form.path}: ${what}`).toBe(false);
        refused++;
      }
      expect(await form.trace(), form.path).toEqual(before);
      // The very same post from the site's own page goes through.
      const own = await postPageForm(form.path, form.fields, SAME_ORIGIN);
      expect(own.status, form.path).toBe(form.path === "/login" ? 303 : 200);
      expect((await form.trace()).attempts, form.path).toBe(before.attempts + 1);
      if (form.path === "/login") expect(sessionSet(own)).toBe(true);
    }
    expect(refused).toBe(3 * FOREIGN.length);
  });

  it("cannot call a page's server action with the script's own request (Next-Action)", async () => {
    for (const form of await accountForms()) {
      const call = await capturedActionCall(form.path, form.fill);
      const before = await form.trace();
      for (const [what, headers] of FOREIGN) {
        const answer = await fetch(`${baseURL}${form.path}`, {
          method: "POST",
          headers: { ...call.headers, ...headers },
          body: call.body,
          redirect: "manual",
        });
        expect(answer.status, `${form.path}: ${what}`).toBe(403);
        expect(sessionSet(answer), `${form.path}: ${what}`).toBe(false);
      }
      expect(await form.trace(), form.path).toEqual(before);
      const own = await fetch(`${baseURL}${form.path}`, {
        method: "POST",
        headers: { ...call.headers, ...SAME_ORIGIN },
        body: call.body,
      });
      expect(own.status, form.path).toBe(200);
      expect((await form.trace()).attempts, form.path).toBe(before.attempts + 1);
      if (form.path === "/login") expect(sessionSet(own)).toBe(true);
    }
  });

  it("cannot log in, sign up, post or change a role through the JSON API and next-auth's endpoint", async () => {
    const user = await newUser();
    const target = await newUser();
    const article = await freshArticle(serverDb);
    const readerCookie = await loginCookie(user.username, PASSWORD);
    const adminCookie = await sessionCookie("admin");
    const email = `${uniqueName("attack")}@example.com`;
    const calls: [string, string, Record<string, string>, unknown][] = [
      ["POST", "/api/account/signup", {}, { username: uniqueName("attack"), email, password: PASSWORD }],
      ["POST", "/api/account/forgot", {}, { email: user.email }],
      ["POST", `/api/articles/${article.slug}/comments`, { cookie: readerCookie }, { body: "Posted from another site." }],
      ["PATCH", `/api/admin/users/${target.id}`, { cookie: adminCookie }, { role: "ADMIN" }],
    ];
    const state = async () => ({
      signups: await attemptsCounted(`signup:email:${email}`),
      resets: await attemptsCounted(`forgot:email:${user.email}`),
      posts: await serverDb.comment.count({ where: { articleId: article.id } }),
      role: (await serverDb.user.findUniqueOrThrow({ where: { id: target.id } })).role,
    });
    const before = await state();
    for (const [what, headers] of FOREIGN) {
      for (const [method, path, extra, body] of calls) {
        const answer = await fetch(`${baseURL}${path}`, {
          method,
          headers: { "content-type": "application/json", ...extra, ...headers },
          body: JSON.stringify(body),
        });
        expect(answer.status, `${path}: ${what}`).toBe(403);
        expect((await answer.json()).error, `${path}: ${what}`).toBe("Requests from other sites are not accepted.");
      }
      const csrf = await fetch(`${baseURL}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const login = await fetch(`${baseURL}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrf.headers
            .getSetCookie()
            .map((c) => c.split(";")[0])
            .join("; "),
          ...headers,
        },
        body: new URLSearchParams({ csrfToken, username: user.username, password: PASSWORD, callbackUrl: "/" }),
      });
      expect(login.status, `next-auth: ${what}`).toBe(403);
      expect(sessionSet(login), `next-auth: ${what}`).toBe(false);
    }
    expect(await state()).toEqual(before);
    await serverDb.article.delete({ where: { id: article.id } });
  });
});
