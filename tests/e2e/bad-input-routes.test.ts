import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_JSON_BYTES } from "@/lib/http";
import { ROUTES, type Method, type RouteEntry, type RouteMethod, type Try } from "../helpers/endpoints";
import { rowCounts } from "../helpers/row-counts";
import { connectServerDatabase } from "../helpers/server-db";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";
import { cookieOf, ROLES, Workbench, type TestRole } from "../helpers/workbench";

// Every route handler of the endpoint table (tests/helpers/endpoints.ts)
// against the production server: hand-written bad requests (sizes, content
// types, broken JSON and UTF-8, control characters, nesting, wrong types,
// huge numbers, repeated keys, unknown and huge ids), then fast-check's
// arbitrary JSON, as the whole body and in each field of a valid one. Every
// answer is a 4xx with a sentence, never a 5xx; a refused request changes
// nothing; an accepted one was valid by the route's own schema.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const w = new Workbench(serverDb);
const RAISED = { max: 100_000, windowSeconds: 60 };
let restoreSettings: () => Promise<void>;
const statuses: Record<string, number> = {};
const tally = { badRequests: 0, fuzzCases: 0, statuses };

beforeAll(async () => {
  for (const role of ROLES) await cookieOf(role);
  // Every request comes from 127.0.0.1: the guest's posts and reports would trip the per-address limits.
  restoreSettings = await changeSiteSettings(serverDb, { commentRateLimitPerIp: RAISED, commentRateLimitPerUser: RAISED });
  await w.setUp();
  console.log(`bad input, route handlers: fast-check seed ${SEED}, ${RUNS} runs per property (set FUZZ_SEED, FUZZ_RUNS)`);
});
afterAll(async () => {
  await w.tearDown();
  await restoreSettings?.();
  for (const prefix of ["comment:", "report:", "signup:", "forgot:"]) await clearRateLimits(serverDb, prefix);
  await serverDb.$disconnect();
  console.log(
    `bad input, route handlers: ${tally.badRequests} bad requests and ${tally.fuzzCases} fuzz cases (seed ${SEED}); answers by status: ${JSON.stringify(tally.statuses)}`,
  );
});

type Sent = { status: number; text: string };

/** Zod's default messages, written for developers: every message a person gets is the app's own. */
const ZOD_WORDING = /Invalid input|expected \w+, received|Too (big|small):/;

/** One request as `role`, its body sent exactly as given (a string, bytes or a stream). */
async function send(
  role: TestRole,
  method: string,
  path: string,
  body?: string | Uint8Array | ReadableStream<Uint8Array>,
  contentType: string | null = "application/json",
): Promise<Sent> {
  const cookie = await cookieOf(role);
  const response = await fetch(`${baseURL}${path}`, {
    method,
    redirect: "manual",
    headers: { origin: baseURL, ...(cookie ? { cookie } : {}), ...(contentType ? { "content-type": contentType } : {}) },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const key = `${Math.floor(response.status / 100)}xx`;
  tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
  return { status: response.status, text: await response.text() };
}

/** Who sends a route's bad input: whoever gets past its permission check to its validation. */
const senderOf = (spec: RouteMethod): TestRole =>
  spec.access === "owner" ? "reader" : spec.access === "anyone" ? "guest" : "admin";

async function state(target?: () => Promise<unknown>) {
  return { rows: await rowCounts(serverDb), target: target ? await target() : null };
}

async function tryOf(entry: RouteEntry, spec: RouteMethod): Promise<Try> {
  if (spec.fresh) return spec.fresh(w);
  return { path: spec.at?.(w.fixtures) ?? entry.path(w.fixtures), target: spec.target && (() => spec.target!(w)) };
}

async function validBody(spec: RouteMethod, t: Try): Promise<Record<string, unknown>> {
  return { ...spec.body!(w.fixtures), ...t.body, ...(await spec.live?.(w)) };
}

/** A refusal: a 4xx with a sentence (JSON `{error}` from the API), and nothing written. */
async function expectRefused(label: string, t: Try, request: () => Promise<Sent>, status?: number) {
  tally.badRequests++;
  const before = await state(t.target);
  const answer = await request();
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (status) expect(answer.status, label).toBe(status);
  expect(answer.text, `${label}: in zod's words, not a person's`).not.toMatch(ZOD_WORDING);
  if (t.path.startsWith("/api/")) expect((JSON.parse(answer.text) as { error: unknown }).error, label).toMatch(/\w+ \w+/);
  else expect(answer.text, label).toMatch(/\w+ \w+/);
  expect(await state(t.target), `${label} wrote something`).toEqual(before);
}

async function expectForwarded(label: string, t: Try, request: () => Promise<Sent>) {
  tally.badRequests++;
  const before = await state(t.target);
  const answer = await request();
  expect([303, 400], label).toContain(answer.status);
  expect(await state(t.target), `${label} wrote something`).toEqual(before);
}

const jsonMethods = ROUTES.flatMap((entry) =>
  (Object.entries(entry.methods) as [Method, RouteMethod][])
    .filter(([, spec]) => spec.body)
    .map(([method, spec]) => ({ entry, method, spec })),
);

/** Every string in a JSON value, changed by `change`, at any depth. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)]));
  return value;
}

const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const HUGE_NUMBERS = ["1e308", "-1e308", String(2 ** 53 + 2), "2147483648", "0.5"];

describe("route handlers taking JSON", () => {
  for (const { entry, method, spec } of jsonMethods) {
    it(`${method} ${entry.file}: refuses every kind of bad body with a 4xx and a sentence, writing nothing`, async () => {
      const role = senderOf(spec);
      const t = await tryOf(entry, spec);
      const valid = await validBody(spec, t);
      const text = JSON.stringify(valid);
      const max = spec.maxBytes ?? MAX_JSON_BYTES;
      const to =
        (body?: string | Uint8Array | ReadableStream<Uint8Array>, type: string | null = "application/json") =>
        () =>
          send(role, method, t.path, body, type);
      const refused = (label: string, request: () => Promise<Sent>, status?: number) =>
        expectRefused(`${method} ${t.path}: ${label}`, t, request, status);

      const oversized = JSON.stringify({ ...valid, padding: "x".repeat(max) });
      await refused("a body over the limit", to(oversized), 413);
      await refused("a body over the limit, streamed without a length", to(streamOf(oversized)), 413);
      for (const type of [
        null,
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonx",
      ]) {
        await refused(`Content-Type ${type ?? "missing"}`, to(text, type), 415);
      }
      for (const broken of ['{"a":', "", "{'a': 1}", "[1,]", "NaN", text.slice(0, -1)]) {
        await refused(`invalid JSON ${JSON.stringify(broken.slice(0, 20))}`, to(broken), 400);
      }
      await refused(
        "invalid UTF-8",
        to(Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xff, 0xfe]), Buffer.from("}")])),
        400,
      );
      await refused("a body nested 10,000 deep", to(deep(10_000)), 400);
      for (const [label, body] of [
        ["an array", "[]"],
        ["null", "null"],
        ["a number", "42"],
        ["a string", '"text"'],
      ]) {
        await refused(`${label} for a body`, to(body), 400);
      }
      const fields = Object.keys(valid);
      if (fields.length > 0) {
        const [first] = fields;
        await refused("a repeated key", to(`{${JSON.stringify(first)}:${JSON.stringify(valid[first!])},${text.slice(1)}`), 400);
        if (JSON.stringify(mapStrings(valid, (s) => `${s}!`)) !== text) {
          await refused("NUL in every text", to(JSON.stringify(mapStrings(valid, (s) => `${s}\u0000`))), 400);
          await refused(
            "control characters in every text",
            to(JSON.stringify(mapStrings(valid, (s) => `\u001b[31m${s}\u0007`))),
            400,
          );
          await refused("a lone surrogate in every text", to(JSON.stringify(mapStrings(valid, (s) => `${s}\ud800`))), 400);
        }
        await refused("every field null", to(JSON.stringify(Object.fromEntries(fields.map((k) => [k, null])))), 400);
        await refused("every field a list", to(JSON.stringify(Object.fromEntries(fields.map((k) => [k, [valid[k]]])))), 400);
        await refused(
          "every field nested 5,000 deep",
          to(`{${fields.map((k) => `${JSON.stringify(k)}:${deep(5000)}`).join(",")}}`),
          400,
        );
        const numeric = fields.filter((k) => typeof valid[k] === "number");
        for (const huge of numeric.length > 0 ? HUGE_NUMBERS : []) {
          const body = `{${fields.map((k) => `${JSON.stringify(k)}:${numeric.includes(k) ? huge : JSON.stringify(valid[k])}`).join(",")}}`;
          await refused(`${huge} in every number`, to(body));
        }
      }
    });
  }
});

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 16_384));
      at += 16_384;
    },
  });
}

/** Unknown, huge and malformed values for a path's [param] segments. */
const BAD_SEGMENTS = [
  "0",
  "-1",
  "2147483648",
  "99999999999999999999",
  "1e3",
  "0x10",
  "4.5",
  "abc",
  "%00",
  "%C0%AF",
  "x".repeat(2000),
];

describe("route handlers' addresses", () => {
  for (const entry of ROUTES.filter((route) => /\[[^.\]]+\]/.test(route.file))) {
    for (const [method, spec] of Object.entries(entry.methods) as [Method, RouteMethod][]) {
      if (spec.at) continue;
      it(`${method} ${entry.file}: answers unknown, huge and malformed ids and slugs with a 4xx, writing nothing`, async () => {
        const role = senderOf(spec);
        const t = await tryOf(entry, spec);
        const body = spec.body ? JSON.stringify(await validBody(spec, t)) : undefined;
        for (const [position, bad] of badPaths(entry.file, t.path)) {
          const label = `${method} ${bad} (segment ${position})`;
          const request = () => send(role, method, bad, body, body ? "application/json" : null);
          // A mail program's GET of the opt-out link forwards to the page that checks the key and says so.
          if (method === "GET" && entry.file.includes("unsubscribe")) await expectForwarded(label, t, request);
          else await expectRefused(label, t, request);
        }
      });
    }
  }

  it("answers junk in the query string of every GET without a 5xx, writing nothing", async () => {
    const junk = `page=1e308&page=-1&q=%00%ff&status=${"x".repeat(3000)}&from=0x10&to=abc&month=99&day=-1&category[]=a&before=1e999`;
    const before = await state();
    for (const entry of ROUTES.filter((route) => route.methods.GET)) {
      const path = entry.path(w.fixtures);
      const answer = await send(
        senderOf(entry.methods.GET!),
        "GET",
        `${path}${path.includes("?") ? "&" : "?"}${junk}`,
        undefined,
        null,
      );
      tally.badRequests++;
      expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await state()).toEqual(before);
  });
});

/** The path with each dynamic segment of its route file in turn replaced by every bad value. */
function badPaths(file: string, path: string): [number, string][] {
  const routeSegments = file
    .replace(/^app\//, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment));
  const [pathname, query] = path.split("?");
  const segments = pathname!.split("/").slice(1);
  const out: [number, string][] = [];
  routeSegments.forEach((segment, i) => {
    if (!/^\[[^.]+\]$/.test(segment)) return;
    for (const bad of BAD_SEGMENTS) {
      const changed = segments.map((s, j) => (j === i ? bad : s));
      out.push([i, `/${changed.join("/")}${query ? `?${query}` : ""}`]);
    }
  });
  return out;
}

describe("the login endpoint, next-auth's own", () => {
  it("refuses JSON, bodies over 64 KB and invalid UTF-8 with a 4xx, writing nothing", async () => {
    const t = { path: "/api/auth/callback/credentials" };
    const form = "username=reader&password=x";
    await expectRefused("JSON", t, () => send("guest", "POST", t.path, '{"username":"reader"}'), 415);
    await expectRefused("no type", t, () => send("guest", "POST", t.path, form, null), 415);
    await expectRefused(
      "over 64 KB",
      t,
      () => send("guest", "POST", t.path, `${form}${"x".repeat(70_000)}`, "application/x-www-form-urlencoded"),
      413,
    );
    const broken = Buffer.concat([Buffer.from(form), Buffer.from([0xff, 0xfe])]);
    await expectRefused(
      "invalid UTF-8",
      t,
      () => send("guest", "POST", t.path, broken, "application/x-www-form-urlencoded"),
      400,
    );
  });
});

/* ------------------------------------------------------------ fuzzing */

/** Anything a JSON body can hold where one field should be, and strings of every kind. */
const anyFieldValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 4 }),
);

describe("fast-check fuzzing of every JSON API", () => {
  let property = 0;
  for (const { entry, method, spec } of jsonMethods) {
    it(`${method} ${entry.file}: any JSON body, and any value in each field of a valid one, is answered by the schema's verdict, never a 5xx`, async () => {
      const role = senderOf(spec);
      const probe = await tryOf(entry, spec);
      const fields = Object.keys(await validBody(spec, probe));
      const cases: [string, fc.Arbitrary<(valid: Record<string, unknown>) => unknown>][] = [
        ["any JSON as the body", fc.jsonValue().map((value) => () => value)],
        ...fields.map((field): [string, fc.Arbitrary<(valid: Record<string, unknown>) => unknown>] => [
          `any value in "${field}"`,
          anyFieldValue.map((value) => (valid) => ({ ...valid, [field]: value })),
        ]),
      ];
      for (const [name, arbitrary] of cases) {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (make) => {
            const t = spec.fresh ? await tryOf(entry, spec) : probe;
            const body = make(await validBody(spec, t));
            await expectSchemaVerdict(`${method} ${t.path}, ${name}`, role, method, spec, t, body);
          }),
          { seed: SEED + property++, numRuns: RUNS },
        );
      }
    });
  }
});

/** Accepted only if the route's schema accepts the body (then undone); refused with a 4xx, a sentence and no write otherwise. */
async function expectSchemaVerdict(label: string, role: TestRole, method: string, spec: RouteMethod, t: Try, body: unknown) {
  tally.fuzzCases++;
  const before = await state(t.target);
  const answer = await send(role, method, t.path, JSON.stringify(body));
  const shown = `${label}: sent ${JSON.stringify(body).slice(0, 200)}, got ${answer.status} ${answer.text.slice(0, 200)}`;
  expect(answer.status, shown).toBeLessThan(500);
  if (answer.status < 300) {
    if (spec.schema) expect(spec.schema.safeParse(body).success, `${shown}: accepted what the schema refuses`).toBe(true);
    await spec.undo?.(w, JSON.parse(answer.text) as Record<string, unknown>);
    return;
  }
  expect(answer.status, shown).toBeGreaterThanOrEqual(400);
  expect((JSON.parse(answer.text) as { error: unknown }).error, shown).toMatch(/\w+ \w+/);
  expect(answer.text, `${shown}: in zod's words, not a person's`).not.toMatch(ZOD_WORDING);
  expect(await state(t.target), `${shown}: wrote something`).toEqual(before);
}
