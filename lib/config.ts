import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * Server configuration, read from the environment with defaults that make
 * `npm start` work on a laptop with nothing configured.
 */

export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.QUIRE_DATA_DIR ?? "data");

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(DATA_DIR, "quire.db")}`;
}

export function port(): number {
  const parsed = Number(process.env.PORT);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 3000;
}

/**
 * The public address of the site. Links in emails are built from this,
 * never from the request's Host header, which an attacker controls.
 */
export function siteUrl(): string {
  const configured = process.env.SITE_URL ?? `http://localhost:${port()}`;
  return configured.replace(/\/+$/, "");
}

export const SITE_NAME = "Quire";

let cachedSecret: string | undefined;

/**
 * The server's secret (JWT signing, IP hashing). NEXTAUTH_SECRET when set;
 * otherwise a random one created on first start under ./data and kept there,
 * so sessions survive restarts and no secret is ever committed.
 */
export function serverSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(DATA_DIR, "secret");
  try {
    cachedSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
      cachedSecret = fresh;
    } catch {
      // Another process created it first: use theirs.
      cachedSecret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cachedSecret;
}

export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? `Quire <no-reply@${new URL(siteUrl()).hostname}>`;
}

export const OUTBOX_DIR = path.join(DATA_DIR, "outbox");

function positiveNumber(name: string, fallback: number): number {
  const parsed = Number(process.env[name]);
  return process.env[name] && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

/**
 * The production server's response cache (lib/response-cache), or null when
 * QUIRE_CACHE=off. 64 MB holds a few hundred article pages with their
 * compressed copies, and keeps the whole server under 300 MB.
 */
export function pageCacheOptions() {
  if (process.env.QUIRE_CACHE === "off") return null;
  return {
    maxBytes: positiveNumber("QUIRE_CACHE_MB", 64) * 1024 * 1024,
    maxAgeSeconds: positiveNumber("QUIRE_CACHE_MAX_AGE", 3600),
    sharedMaxAgeSeconds: positiveNumber("QUIRE_CDN_MAX_AGE", 1),
    staleWhileRevalidateSeconds: 30,
  };
}
