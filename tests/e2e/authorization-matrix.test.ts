import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import {
  ACTIONS,
  PRIVILEGED_PAGES,
  ROUTES,
  mayAct,
  unlistedEndpoints,
  type Access,
  type ActionEntry,
  type FormTry,
  type Method,
  type RouteEntry,
  type RouteMethod,
  type Try,
} from "../helpers/endpoints";
import { rowCounts } from "../helpers/row-counts";
import { connectServerDatabase } from "../helpers/server-db";
import { answeredState, FormReader, postForm, withFields, type FormFields } from "../helpers/server-forms";
import { cookieOf, request, ROLES, Workbench, type TestRole } from "../helpers/workbench";

// Every privileged route handler, page and server action of the endpoint
// table (tests/helpers/endpoints.ts), called as a guest, a reader, a
// moderator, an editor and an admin against the production server: the roles
// lib/ allows succeed, and everyone else is refused and changes nothing.

const serverDb = connectServerDatabase();
const w = new Workbench(serverDb);
let browser: Browser;
let forms: FormReader;
const statuses: Record<string, number> = {};
const tally = { checks: 0, endpoints: 0, statuses };

beforeAll(async () => {
  browser = await launchBrowser();
  forms = await FormReader.open(browser);
  // Each role logs in once for the file (logins are throttled per account).
  for (const role of ROLES) await cookieOf(role);
  await w.setUp();
});
afterAll(async () => {
  await w.tearDown();
  await forms?.close();
  await browser?.close();
  await serverDb.$disconnect();
  console.log(
    `authorization matrix: ${tally.endpoints} endpoints × ${ROLES.length} roles = ${tally.checks} checks; answers by status: ${JSON.stringify(tally.statuses)}`,
  );
});

function count(status: number) {
  tally.checks++;
  const key = `${Math.floor(status / 100)}xx`;
  tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
}

const who = (access: Access) =>
  ({
    owner: "the post's author",
    member: "anyone signed in",
    editor: "editors and admins",
    moderator: "moderators and admins",
    admin: "admins",
    anyone: "anyone",
  })[access];

/** What a refused request must leave as it was: every table's row count, and the row it aimed at. */
async function state(target?: () => Promise<unknown>) {
  return { rows: await rowCounts(serverDb), target: target ? await target() : null };
}

it("lists every route handler, server action and back-office page that app/ has", () => {
  expect(unlistedEndpoints()).toEqual([]);
});

describe("route handlers", () => {
  const privileged = ROUTES.flatMap((entry) =>
    (Object.entries(entry.methods) as [Method, RouteMethod][])
      .filter(([, spec]) => spec.access !== "anyone")
      .map(([method, spec]) => ({ entry, method, spec })),
  );

  for (const { entry, method, spec } of privileged) {
    it(`${method} ${entry.file}: answers ${who(spec.access)}, refuses everyone else and changes nothing`, async () => {
      tally.endpoints++;
      let refusedTry: Try | undefined;
      for (const role of ROLES) {
        const allowed = mayAct(spec.access, role);
        const t = allowed ? await routeTry(entry, spec) : (refusedTry ??= await routeTry(entry, spec));
        const body = spec.body && { ...spec.body(w.fixtures), ...t.body, ...(await spec.live?.(w)) };
        const before = await state(t.target);
        const response = await request(role, method, t.path, { body });
        count(response.status);
        const label = `${method} ${t.path} as ${role}`;
        if (allowed) {
          expect(response.status, `${label}: ${await response.clone().text()}`).toBeLessThan(300);
          expect(response.status, label).toBeGreaterThanOrEqual(200);
          await spec.undo?.(w, (await response.json()) as Record<string, unknown>);
        } else {
          expect(response.status, label).toBe(role === "guest" ? 401 : 403);
          expect(((await response.json()) as { error: string }).error, label).toMatch(/\w+ \w+/);
          expect(await state(t.target), label).toEqual(before);
        }
      }
    });
  }
});

async function routeTry(entry: RouteEntry, spec: RouteMethod): Promise<Try> {
  if (spec.fresh) return spec.fresh(w);
  return { path: spec.at?.(w.fixtures) ?? entry.path(w.fixtures), target: spec.target && (() => spec.target!(w)) };
}

describe("pages", () => {
  for (const page of PRIVILEGED_PAGES) {
    it(`${page.file}: shows ${who(page.access)}, sends a guest to log in and shows others the refusal page`, async () => {
      tally.endpoints++;
      const path = page.path(w.fixtures);
      const before = await state();
      for (const role of ROLES) {
        const cookie = await cookieOf(role);
        const response = await fetch(`${inject("baseURL")}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
        count(response.status);
        const label = `${path} as ${role}`;
        const location = response.headers.get("location") ?? "";
        if (mayAct(page.access, role)) {
          // /moderate/posts?address= forwards to the post's own page.
          if (response.status === 307) expect(location, label).toMatch(/^\/moderate\/posts\/\d+$/);
          else expect(response.status, label).toBe(200);
        } else if (role === "guest") {
          expect(response.status, label).toBe(307);
          expect(location, label).toMatch(/^\/login\?callbackUrl=%2F(admin|moderate)/);
        } else {
          expect(response.status, label).toBe(403);
          expect(await response.text(), label).toContain("You do not have permission to see this page");
        }
      }
      expect(await state()).toEqual(before);
    });
  }
});

describe("server actions, replaying the form an admin's page renders", () => {
  for (const entry of ACTIONS.filter((action) => action.access !== "anyone")) {
    const name = entry.intent ? `${entry.name} (${entry.intent})` : entry.name;
    it(`${name} in ${entry.file}: works for ${who(entry.access)}, refuses everyone else and changes nothing`, async () => {
      tally.endpoints++;
      let refused: { t: FormTry; fields: FormFields } | undefined;
      for (const role of ROLES) {
        const allowed = mayAct(entry.access, role);
        const { t, fields } = allowed ? await formTry(entry, role) : (refused ??= await formTry(entry, role));
        const before = await state(t.target);
        const response = await postForm(t.page, fields, { cookie: await cookieOf(role) });
        count(response.status);
        const label = `${name} as ${role}`;
        if (allowed) {
          const html = await response.text();
          if (response.status !== 303) {
            expect(response.status, label).toBe(200);
            expect(answeredState(html), label).not.toBe("error");
          }
          expect(await state(t.target), `${label} changed nothing`).not.toEqual(before);
          await entry.undo?.(w, t);
        } else {
          expect(response.status, label).toBe(role === "guest" ? 307 : 403);
          if (role === "guest") expect(response.headers.get("location"), label).toMatch(/^\/login\?callbackUrl=/);
          expect(await state(t.target), label).toEqual(before);
        }
      }
    });
  }
});

/** One try of an action: its target arranged, the form as an admin's page renders it, the try's changes made. */
async function formTry(entry: ActionEntry, role: TestRole) {
  const t = await entry.at(w, role);
  const html = await (await request("admin", "GET", t.page)).text();
  return { t, fields: withFields(await forms.fields(html, t.form), t.fields ?? {}) };
}
