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

function databaseUrlNamed(name: string): string {
  const url = new URL(TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
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
