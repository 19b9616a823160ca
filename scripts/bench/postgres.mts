// The bench's own PostgreSQL database: made under a random name on the server
// BENCH_POSTGRES_URL names, dropped at the end, also when the bench is
// interrupted. Nothing else on that server is touched.
import crypto from "node:crypto";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { onInterrupted } from "./processes.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function namedDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dropStatement = (name: string) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;

/**
 * A new, empty database on the server of `serverUrl` (a role that may create
 * databases); resolves to its URL and a function that drops it.
 */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `quire_bench_${crypto.randomBytes(5).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  // An interrupt allows only synchronous clean-up: a short node process of its own drops it.
  onInterrupted(() => {
    const script = `const pg = require("pg"); const c = new pg.Client({ connectionString: process.env.URL });
      c.connect().then(() => c.query(process.env.SQL)).finally(() => c.end());`;
    spawnSync(process.execPath, ["-e", script], {
      cwd: ROOT,
      env: { ...process.env, URL: serverUrl, SQL: dropStatement(name) },
      stdio: "ignore",
    });
  });
  return { url: namedDatabase(serverUrl, name), drop: () => onServer(serverUrl, dropStatement(name)) };
}
