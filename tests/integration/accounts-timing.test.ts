import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/accounts/login";
import { signUp } from "@/lib/accounts/signup";
import { updateSiteSettings } from "@/lib/settings/queries";
import { createUser, uniqueName } from "../helpers/factories";
import { randomIp } from "../helpers/json-request";

// Whether an account exists must not show in how long the answer takes. The
// slow part of every answer is argon2, so these count its calls per answer
// (exact, through a wrapper around the real package) and, as a second line,
// compare median times with a bound wide enough for a busy machine: skipping
// the hash would make the cheap path about twenty times faster, not half.

const argon2Calls = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...actual,
    hash: (...args: Parameters<typeof actual.hash>) => {
      argon2Calls.hash++;
      return actual.hash(...args);
    },
    verify: (...args: Parameters<typeof actual.verify>) => {
      argon2Calls.verify++;
      return actual.verify(...args);
    },
  };
});

const PASSWORD = "a fine long passphrase";
const TRIES = 10;

beforeAll(async () => {
  // Every try below must reach the password check, not a 429.
  const generous = { max: 10_000, windowSeconds: 3600 };
  await updateSiteSettings({
    loginRateLimitPerAccount: generous,
    loginRateLimitPerIp: generous,
    signupRateLimitPerEmail: generous,
    signupRateLimitPerIp: generous,
  });
  // The throwaway hash for unknown names is made once, on first use; make it now.
  await authenticate({ username: uniqueName("warm"), password: PASSWORD }, randomIp()).catch(() => undefined);
});
beforeEach(() => {
  argon2Calls.hash = 0;
  argon2Calls.verify = 0;
});

/** The argon2 calls one attempt made, whatever it answered. */
async function callsOf(attempt: () => Promise<unknown>) {
  const before = { ...argon2Calls };
  await attempt().catch(() => undefined);
  return { hash: argon2Calls.hash - before.hash, verify: argon2Calls.verify - before.verify };
}

/** Median milliseconds of each attempt, run alternately so that a busy moment slows both alike. */
async function medians(attempts: Record<string, () => Promise<unknown>>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(attempts).map((name) => [name, []]));
  for (let i = 0; i < TRIES; i++) {
    for (const [name, attempt] of Object.entries(attempts)) {
      const start = performance.now();
      await attempt().catch(() => undefined);
      times[name]!.push(performance.now() - start);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

describe("logging in", () => {
  it("verifies one argon2 hash for an unknown name or email, as for a known account's wrong or right password", async () => {
    const user = await createUser(db, { password: PASSWORD });
    const disabled = await createUser(db, { password: PASSWORD });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const attempts = {
      "an unknown name": () => authenticate({ username: uniqueName("nobody"), password: PASSWORD }, randomIp()),
      "an unknown email": () => authenticate({ username: `${uniqueName("nobody")}@example.com`, password: PASSWORD }, randomIp()),
      "a wrong password": () => authenticate({ username: user.username, password: "not the password" }, randomIp()),
      "the right password": () => authenticate({ username: user.username, password: PASSWORD }, randomIp()),
      "a disabled account": () => authenticate({ username: disabled.username, password: "not the password" }, randomIp()),
    };
    for (const [what, attempt] of Object.entries(attempts)) {
      expect(await callsOf(attempt), what).toEqual({ hash: 0, verify: 1 });
    }
  });

  it("takes at least half as long for an unknown name as for a known one with a wrong password", async () => {
    const user = await createUser(db, { password: PASSWORD });
    const time = await medians({
      known: () => authenticate({ username: user.username, password: "not the password" }, randomIp()),
      unknown: () => authenticate({ username: uniqueName("nobody"), password: "not the password" }, randomIp()),
    });
    expect(time.unknown, JSON.stringify(time)).toBeGreaterThanOrEqual(0.5 * time.known!);
  });
});

describe("signing up", () => {
  const reader = (email?: string) => {
    const username = uniqueName("reader");
    return { username, email: email ?? `${username}@example.org`, password: PASSWORD };
  };
  /** A sign-up's answer, then (not timed, not counted) the mail it sends afterwards. */
  const answered: Promise<void>[] = [];
  const signUpAndLeaveMail = async (input: ReturnType<typeof reader>) => {
    const { delivered } = await signUp(input, randomIp());
    answered.push(delivered);
  };

  it("hashes the password once before answering, whether or not the address has an account", async () => {
    const owner = await createUser(db);
    expect(await callsOf(() => signUpAndLeaveMail(reader()))).toEqual({ hash: 1, verify: 0 });
    expect(await callsOf(() => signUpAndLeaveMail(reader(owner.email)))).toEqual({ hash: 1, verify: 0 });
    await Promise.all(answered.splice(0));
  });

  it("takes at least half as long for an address with an account as for a new one", async () => {
    const owner = await createUser(db);
    const time = await medians({
      fresh: () => signUpAndLeaveMail(reader()),
      taken: () => signUpAndLeaveMail(reader(owner.email)),
    });
    await Promise.all(answered.splice(0));
    expect(time.taken, JSON.stringify(time)).toBeGreaterThanOrEqual(0.5 * time.fresh!);
  });
});
