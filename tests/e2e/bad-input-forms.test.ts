import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { ACTIONS, type FormTry } from "../helpers/endpoints";
import { rowCounts } from "../helpers/row-counts";
import { connectServerDatabase } from "../helpers/server-db";
import { answeredError, FormReader, postForm, rawMultipart, withFields, type FormFields } from "../helpers/server-forms";
import { changeSiteSettings, clearRateLimits } from "../helpers/site-settings";
import { cookieOf, request, ROLES, Workbench } from "../helpers/workbench";

// Every server action of the endpoint table (tests/helpers/endpoints.ts),
// replayed from the form its page renders, as a browser without JavaScript
// sends it and as the page's script does (a Next-Action call), with bad
// input: control characters, emptied and overlong fields, unknown and huge
// ids, repeated fields, bodies over the limit, invalid UTF-8, other content
// types, and broken rows of React's reply format. Each is refused (a 4xx, or
// the page again with the form's refusal sentence), never a 5xx, and changes
// nothing.

const baseURL = inject("baseURL");
const serverDb = connectServerDatabase();
const w = new Workbench(serverDb);
const RAISED = { max: 100_000, windowSeconds: 60 };
let browser: Browser;
let forms: FormReader;
let restoreSettings: () => Promise<void>;
let settingsBefore: { key: string; value: string }[];
const statuses: Record<string, number> = {};
const tally = { cases: 0, statuses };

beforeAll(async () => {
  browser = await launchBrowser();
  forms = await FormReader.open(browser);
  for (const role of ROLES) await cookieOf(role);
  restoreSettings = await changeSiteSettings(serverDb, { commentRateLimitPerIp: RAISED, commentRateLimitPerUser: RAISED });
  settingsBefore = await serverDb.siteSetting.findMany({ orderBy: { key: "asc" } });
  await w.setUp();
});
afterAll(async () => {
  await w.tearDown();
  // Should a policies form have got through, the settings are put back as they were.
  for (const { key, value } of settingsBefore ?? []) await serverDb.siteSetting.update({ where: { key }, data: { value } });
  await restoreSettings?.();
  for (const prefix of ["comment:", "login:", "signup:", "forgot:"]) await clearRateLimits(serverDb, prefix);
  await forms?.close();
  await browser?.close();
  await serverDb.$disconnect();
  console.log(`bad input, server actions: ${tally.cases} bad forms; answers by status: ${JSON.stringify(tally.statuses)}`);
});

async function state(target?: () => Promise<unknown>) {
  return { rows: await rowCounts(serverDb), target: target ? await target() : null };
}

/** The refusal a script's call gets back: the form state in the answer's RSC rows. */
function flightError(text: string): string | null {
  return /"status":"error","error":"([^"]+)"/.exec(text)?.[1] ?? null;
}

/**
 * Refused: a 4xx with a sentence, or the page again (200) whose form says
 * why; never a 5xx, never the redirect that follows a success; nothing written.
 */
async function expectRefused(label: string, t: FormTry, send: () => Promise<Response>, status?: number) {
  tally.cases++;
  const before = await state(t.target);
  const response = await send();
  const key = `${Math.floor(response.status / 100)}xx`;
  tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
  const text = await response.text();
  const shown = `${label}: ${response.status} ${text.slice(0, 200)}`;
  expect(response.status, shown).toBeLessThan(500);
  expect(text, `${label}: in zod's words, not a person's`).not.toMatch(/Invalid input|expected \w+, received|Too (big|small):/);
  if (status) expect(response.status, shown).toBe(status);
  if (response.status >= 400) {
    expect(text, shown).toMatch(/\w+ \w+/);
  } else {
    expect(response.status, shown).toBe(200);
    expect(answeredError(text) ?? flightError(text), `${label}: no refusal shown`).toMatch(/\w+ \w+/);
  }
  expect(await state(t.target), `${label} wrote something`).toEqual(before);
}

/** Unknown, huge and malformed values for the fields that name a record. */
const BAD_IDS = ["0", "-1", "2147483648", "99999999999999999999", "0x10", "abc"];
const ONE_MB = 1024 * 1024;
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("server actions", () => {
  for (const entry of ACTIONS) {
    const name = entry.intent ? `${entry.name} (${entry.intent})` : entry.name;
    it(`${name} in ${entry.file}: refuses bad forms with a sentence or a 4xx, never a 5xx, and writes nothing`, async () => {
      const sender = entry.sender ?? "admin";
      const cookie = await cookieOf(sender);
      const t = await entry.at(w, sender);
      const html = await (await request(sender, "GET", t.page)).text();
      const valid = withFields(await forms.fields(html, t.form), t.fields ?? {});
      const texts = new Set(valid.map(([field]) => field).filter((field) => !field.startsWith("$") && field !== "enhanced"));
      const change = (edit: (value: string, field: string) => string): FormFields =>
        valid.map(([field, value]) => [field, texts.has(field) ? edit(value, field) : value]);
      const post = (fields: FormFields) => () => postForm(t.page, fields, { cookie });
      const raw = (body: BodyInit, headers: Record<string, string>) => () =>
        fetch(`${baseURL}${t.page}`, {
          method: "POST",
          redirect: "manual",
          headers: { origin: baseURL, ...(cookie ? { cookie } : {}), ...headers },
          body,
        });
      const refused = (label: string, send: () => Promise<Response>, status?: number) =>
        expectRefused(`${name}: ${label}`, t, send, status);

      const stateRow = valid.find(([field]) => /^\$ACTION_\d+:1$/.test(field))?.[0];
      const actionRow = valid.find(([field]) => /^\$ACTION_\d+:0$/.test(field));
      expect(stateRow && actionRow, "a server-rendered form of a server action").toBeTruthy();
      const meta = JSON.parse(actionRow![1]) as { id: string; bound: string };
      const bound = (JSON.parse(valid.find(([field]) => field === stateRow)![1]) as unknown[])[0];
      /** The same fields as the page's script sends them: row 0 is (state, form), the form's fields under the prefix "_1_". */
      const scripted = (fields: FormFields) => () => {
        const body = new FormData();
        for (const [field, value] of fields) body.append(`_1_${field}`, value);
        body.append("0", JSON.stringify([bound, "$K1"]));
        return fetch(`${baseURL}${t.page}`, {
          method: "POST",
          redirect: "manual",
          headers: { origin: baseURL, "next-action": meta.id, accept: "text/x-component", ...(cookie ? { cookie } : {}) },
          body,
        });
      };
      const badIds = entry.ids
        ? BAD_IDS.map((_, i) => Object.fromEntries(entry.ids!.map((field, j) => [field, BAD_IDS[(i + j) % BAD_IDS.length]!])))
        : [];

      // What a person could type, posted without JavaScript: the page comes back with the form's answer.
      await refused("NUL and escape characters in every field", post(change((value) => `${value}\u0000\u001b[2J`)));
      if (badIds[0]) await refused(`ids ${JSON.stringify(badIds[0])}`, post(withFields(valid, badIds[0])));
      // And as the page's script sends it (the same action, without a page to render).
      if (!entry.lenient) {
        await refused("every field emptied", scripted(change(() => "")));
        const long = Math.min(250_000, Math.floor((900 * 1024) / Math.max(texts.size, 1)));
        await refused("every field far too long", scripted(change(() => "x".repeat(long))));
      }
      for (const ids of badIds) await refused(`ids ${JSON.stringify(ids)}, from a script`, scripted(withFields(valid, ids)));
      if (entry.ids) {
        const repeated: FormFields = [...valid, ...entry.ids.map((id): [string, string] => [id, "abc"])];
        await refused("each id repeated, the last one not a number", scripted(repeated));
      }

      // What only a hand-made request sends.
      await refused("a body over 1 MB", post([...valid, ["padding", "x".repeat(ONE_MB)]]), 413);
      const firstText = valid.findIndex(([field]) => texts.has(field));
      const broken = rawMultipart(
        valid.map(([field, value], i) => [field, i === firstText ? Buffer.from([0x61, 0xff, 0xfe]) : value]),
      );
      if (firstText >= 0) await refused("invalid UTF-8", raw(broken.body, { "content-type": broken.contentType }), 400);
      const encoded = new URLSearchParams(valid).toString();
      await refused("the form urlencoded", raw(encoded, { "content-type": "application/x-www-form-urlencoded" }), 415);
      await refused("the form as text/plain", raw(encoded, { "content-type": "text/plain" }), 415);
      await refused("no action fields", post(valid.filter(([field]) => !field.startsWith("$"))));

      await refused("its state row not JSON", post(withFields(valid, { [stateRow!]: "{" })), 400);
      await refused("its state row nested 5,000 deep", post(withFields(valid, { [stateRow!]: deep(5000) })), 400);
      await refused("a server reference in its state", post(withFields(valid, { [stateRow!]: '["$h1"]' })), 400);
      await refused(
        "its action bound to a row that is not there",
        post(withFields(valid, { [actionRow![0]]: JSON.stringify({ ...meta, bound: "$@9" }) })),
        400,
      );
      await refused("its state row repeated, broken", post([...valid, [stateRow!, "garbage"]]), 400);
      await refused(
        "an action that does not exist",
        post(withFields(valid, { [actionRow![0]]: JSON.stringify({ ...meta, id: `7f${"0".repeat(40)}` }) })),
      );

      // The page's script calls the same action with a Next-Action header.
      const call = (body: BodyInit, type = "text/plain;charset=UTF-8", id = meta.id) =>
        raw(body, { "next-action": id, "content-type": type, accept: "text/x-component" });
      await refused("a script's call that is not JSON", call("{garbage"), 400);
      await refused("a script's call nested 5,000 deep", call(deep(5000)), 400);
      await refused("a script's call of a bigint that is not one", call('["$n12a"]'), 400);
      await refused("a script's call over 1 MB", call(JSON.stringify([{ status: "idle" }, "x".repeat(ONE_MB)])), 413);
      await refused("a script's call without a form", call(JSON.stringify([{ status: "idle" }, { name: "x" }])));
      await refused("a script's call of an action that does not exist", call("[]", undefined, `7f${"0".repeat(40)}`));
    });
  }
});
