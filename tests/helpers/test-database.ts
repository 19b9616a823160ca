import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";

/**
 * Which database the suite runs on. Unset: SQLite, a fresh file per test
 * file (and per server). TEST_POSTGRES_URL (a role that may create
 * databases, e.g. postgresql://quire:quire@127.0.0.1:5432/postgres): a fresh
 * PostgreSQL database per test file and per server, dropped afterwards.
 * `npm run test:postgres` sets it; `.ci/run` runs the suite both ways.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;
export const onPostgres = TEST_POSTGRES_URL !== undefined;

/**
 * A PostgreSQL server the tests may create databases on whatever the suite
 * runs on: TEST_POSTGRES_URL, else QUIRE_PG_ADMIN_URL. With neither, the
 * tests that need PostgreSQL are skipped (and say so).
 */
export const POSTGRES_ADMIN_URL = TEST_POSTGRES_URL ?? (process.env.QUIRE_PG_ADMIN_URL || undefined);

function databaseUrlNamed(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const freshName = (prefix: string) => `quire_${prefix}_${crypto.randomBytes(5).toString("hex")}`;

/**
 * A new, empty database: a file in `dir` on SQLite, or a PostgreSQL database
 * (copied from `template`, a database URL, when given: PostgreSQL copies a
 * migrated template in milliseconds).
 */
export async function createDatabase(dir: string, options: { template?: string; prefix?: string } = {}): Promise<string> {
  if (!onPostgres) {
    const file = path.join(dir, "quire.db");
    if (options.template) fs.copyFileSync(options.template.replace(/^file:/, ""), file);
    return `file:${file}`;
  }
  const name = freshName(options.prefix ?? "test");
  const template = options.template ? ` TEMPLATE "${new URL(options.template).pathname.slice(1)}"` : "";
  await onServer((client) => client.query(`CREATE DATABASE "${name}"${template}`));
  return databaseUrlNamed(name);
}

/** Removes a database made by createDatabase (a SQLite file goes with its folder). */
export async function dropDatabase(url: string): Promise<void> {
  if (!url.startsWith("postgres")) return;
  const name = new URL(url).pathname.slice(1);
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A new PostgreSQL database without tables on POSTGRES_ADMIN_URL's server, whatever the suite runs on; drop it with dropDatabase. */
export async function createPostgresDatabase(prefix = "test"): Promise<string> {
  if (!POSTGRES_ADMIN_URL) throw new Error("Set TEST_POSTGRES_URL or QUIRE_PG_ADMIN_URL to a role that may create databases.");
  const name = freshName(prefix);
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrlNamed(name);
}
