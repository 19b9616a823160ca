import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/accounts/login";
import { signUp } from "@/lib/accounts/signup";
import { updateSiteSettings } from "@/lib/settings/queries";
import { createUser, uniqueName } from "../helpers/factories";
import { randomIp } from "../helpers/json-request";

// Whether an account exists must not show in how long the answer takes. The
// slow part of every answer is argon2, so these count its calls per answer and
// read the cost each call was given (exact, through a wrapper around the real
// package): the same number of calls at the same memory and passes is the
// same time, whatever else the machine is doing. The times themselves, as an
// attacker over HTTP sees them, are measured by `npm run bench` (login timing).

/** Every argon2 call: the options each hash was given, the encoded hash each verify checked against. */
const argon2Calls = vi.hoisted(() => ({ hashOptions: [] as unknown[], verifiedHashes: [] as string[] }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...actual,
    hash: (...args: Parameters<typeof actual.hash>) => {
      argon2Calls.hashOptions.push(args[1]);
      return actual.hash(...args);
    },
    verify: (...args: Parameters<typeof actual.verify>) => {
      argon2Calls.verifiedHashes.push(String(args[0]));
      return actual.verify(...args);
    },
  };
});

const PASSWORD = "a fine long passphrase";

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
  argon2Calls.hashOptions = [];
  argon2Calls.verifiedHashes = [];
});

/** The argon2 calls one attempt made, whatever it answered. */
async function callsDuring(attempt: () => Promise<unknown>) {
  const hashes = argon2Calls.hashOptions.length;
  const verifies = argon2Calls.verifiedHashes.length;
  await attempt().catch(() => undefined);
  return { hashOptions: argon2Calls.hashOptions.slice(hashes), verifiedHashes: argon2Calls.verifiedHashes.slice(verifies) };
}

/** How many hashes and verifies one attempt made. */
async function callsOf(attempt: () => Promise<unknown>) {
  const calls = await callsDuring(attempt);
  return { hash: calls.hashOptions.length, verify: calls.verifiedHashes.length };
}

/** An argon2 hash's algorithm, version and cost ("$argon2id$v=19$m=19456,t=2,p=1"): what sets its time, without salt or digest. */
const costOf = (encoded: string) => encoded.split("$").slice(0, 4).join("$");

/** The cost of the one hash `attempt` verified against. */
async function verifiedCostOf(attempt: () => Promise<unknown>) {
  const { verifiedHashes } = await callsDuring(attempt);
  expect(verifiedHashes).toHaveLength(1);
  return costOf(verifiedHashes[0]!);
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

  it("checks an unknown name against a hash of the same cost as a real account's", async () => {
    const user = await createUser(db, { password: PASSWORD });
    const known = await verifiedCostOf(() => authenticate({ username: user.username, password: "not the password" }, randomIp()));
    const unknown = await verifiedCostOf(() =>
      authenticate({ username: uniqueName("nobody"), password: "not the password" }, randomIp()),
    );
    expect(known).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1$/);
    expect(unknown).toBe(known);
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

  it("hashes at the same cost whether or not the address has an account", async () => {
    const owner = await createUser(db);
    const hashOptions = [
      ...(await callsDuring(() => signUpAndLeaveMail(reader()))).hashOptions,
      ...(await callsDuring(() => signUpAndLeaveMail(reader(owner.email)))).hashOptions,
    ];
    await Promise.all(answered.splice(0));
    const [fresh, taken] = hashOptions;
    expect(hashOptions).toHaveLength(2);
    expect(fresh).toMatchObject({ memoryCost: 19456, timeCost: 2 });
    expect(taken).toEqual(fresh);
  });
});
