/** At most one digest per discussion per reader in this time. */
export function digestIntervalMs(): number {
  return secondsFromEnv("QUIRE_DIGEST_INTERVAL_SECONDS", 15 * 60) * 1000;
}

/**
 * A digest waits this long after the first new post, so that the posts of a
 * lively minute go out as one email rather than the first alone.
 */
export function digestGatherMs(): number {
  return secondsFromEnv("QUIRE_DIGEST_GATHER_SECONDS", 120) * 1000;
}

function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** A guest may ask for confirmation links this often (per address, and per client address). */
export const GUEST_SUBSCRIBE_PER_EMAIL = { max: 3, windowSeconds: 3600 };
export const GUEST_SUBSCRIBE_PER_IP = { max: 20, windowSeconds: 3600 };
