// Whether an account exists must not show in how long a failed login takes
// (lib/accounts/login.ts verifies a throwaway hash for an unknown name). This
// times what an attacker over HTTP sees: the login form's POST with a wrong
// password for a real account and for names that have none, one at a time and
// alternately, so that a busy moment slows both alike. The tests check the
// cause exactly (one argon2 verify of the same cost on both paths); this is
// the effect, in milliseconds, which a functional test must not assert.
import { performance } from "node:perf_hooks";
import { loginForm, postCredentials } from "./session.mjs";
import { median } from "./stats.mjs";

export type LoginTimingResult = {
  tries: number;
  knownP50Ms: number;
  unknownP50Ms: number;
  /** unknown / known medians: 1 when the two cannot be told apart. */
  ratio: number;
  failures: string[];
};

const TRIES = 40;

/** `knownUsername` must have an account; every other name tried is made up and has none. */
export async function measureLoginTiming(baseUrl: string, knownUsername: string): Promise<LoginTimingResult> {
  const times = { known: [] as number[], unknown: [] as number[] };
  const failures: string[] = [];
  const attempt = async (which: keyof typeof times, username: string) => {
    const form = await loginForm(baseUrl);
    const started = performance.now();
    const response = await postCredentials(baseUrl, form, username, "not the password at all");
    await response.arrayBuffer();
    times[which].push(performance.now() - started);
    // next-auth answers a refused login with a redirect back to the form with ?error=; a 429 would time the throttle.
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.includes("error="))
      failures.push(`login timing: a wrong password for ${which} answered ${response.status} ${location}`);
  };
  for (let i = 0; i < TRIES; i++) {
    await attempt("known", knownUsername);
    await attempt("unknown", `nobody-${process.pid}-${i}`);
  }
  const knownP50Ms = median(times.known);
  const unknownP50Ms = median(times.unknown);
  return { tries: TRIES, knownP50Ms, unknownP50Ms, ratio: unknownP50Ms / knownP50Ms, failures: [...new Set(failures)] };
}
