// One Quire process against several behind nginx (scripts/deploy/nginx.conf,
// nginx's own cache off, so Quire is what is measured), all on one fresh
// PostgreSQL database: the article page from Quire's response cache, and
// rendered on every request (processes with QUIRE_CACHE=off). The SQLite
// servers of the rest of the bench are measured through the same nginx, one
// process each, for comparison.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fillApprovedPosts, withBenchDb } from "./bench-db.mjs";
import { startNginxProxy } from "./nginx-proxy.mjs";
import { measurePage, type LoadSettings, type PageLoad } from "./page-load.mjs";
import { createBenchDatabase } from "./postgres.mjs";
import { assertRunning, startQuire, stopQuire, type QuireServer } from "./quire-server.mjs";
import type { LoadRow } from "./report.mjs";
import type { RssSampler } from "./rss.mjs";

export type ScaleOutResult = {
  processes: number;
  cores: number;
  /** req/s of `processes` processes over one, on PostgreSQL. */
  speedup: { cached: number; uncached: number };
  /** req/s on PostgreSQL over SQLite, one process each, rendering every request. */
  postgresOverSqliteUncached: number;
  /** Seconds the section took, starts included. */
  seconds: number;
};

export type ScaleOutOptions = {
  postgresUrl: string;
  nginxCommand: string;
  processes: number;
  dataDir: string;
  slug: string;
  posts: number;
  settings: LoadSettings;
  sampler: RssSampler;
  /** The bench's SQLite servers, cache on and off, already on a database with the same article. */
  sqlite: { cached: QuireServer; uncached: QuireServer };
  record: (key: string, load: PageLoad) => LoadRow;
};

const PROBE = "/api/auth/csrf";
const RENDER_CONNECTIONS_PER_PROCESS = 4;

export async function measureScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const began = Date.now();
  const { processes, settings, slug } = options;
  const database = await createBenchDatabase(options.postgresUrl);
  const started: QuireServer[] = [];
  try {
    // One site: one database, one data folder (uploads, secret) and one secret, as in a deployment.
    const dataDir = path.join(options.dataDir, "postgres");
    fs.mkdirSync(dataDir);
    const secret = crypto.randomBytes(32).toString("base64url");
    const start = async (cache: boolean, n: number) => {
      const label = `Quire on PostgreSQL ${n}, cache ${cache ? "on" : "off"}`;
      const env = { NEXTAUTH_SECRET: secret, TRUST_PROXY: "1" };
      const logName = `server-${cache ? "on" : "off"}-${n}.log`;
      const server = await startQuire({ label, dataDir, databaseUrl: database.url, cache, logName, env });
      started.push(server);
      options.sampler.track(label, server.process.pid!);
      return server;
    };
    console.log(`Starting ${2 * processes} Quire processes on a fresh PostgreSQL database (one migrates and seeds) ...`);
    const numbers = Array.from({ length: processes }, (_, i) => i + 1);
    // All at once: the start takes a lock on PostgreSQL, so one migrates and seeds while the others wait.
    const [cached, uncached] = await Promise.all([
      Promise.all(numbers.map((n) => start(true, n))),
      Promise.all(numbers.map((n) => start(false, n))),
    ]);
    // No process has rendered the article yet (starts poll an API route), so none holds it without these posts.
    const filled = await withBenchDb(database.url, (db) => fillApprovedPosts(db, slug, options.posts));
    console.log(`PostgreSQL: /articles/${slug} has ${filled.total} approved posts`);

    // A render takes tens of milliseconds of CPU: 32 connections would measure a queue
    // (and leave it running into the next run), so rendered pages get a few per process.
    const rendering = { ...settings, connections: Math.min(settings.connections, RENDER_CONNECTIONS_PER_PROCESS * processes) };
    const through = async (key: string, name: string, upstreams: QuireServer[], load = settings) => {
      const proxy = await startNginxProxy(
        options.nginxCommand,
        upstreams.map((server) => server.baseUrl),
        PROBE,
      );
      try {
        const row = options.record(key, await measurePage(name, `${proxy.url}/articles/${slug}`, load));
        for (const server of started) assertRunning(server);
        return row;
      } finally {
        await proxy.stop();
      }
    };
    const several = `${processes} processes`;
    const sqliteUncached = await through(
      "nginx-sqlite-1-uncached",
      "SQLite, 1 process, nginx, rendered",
      [options.sqlite.uncached],
      rendering,
    );
    await through("nginx-sqlite-1-cached", "SQLite, 1 process, nginx, Quire's cache", [options.sqlite.cached]);
    const one = {
      cached: await through("nginx-postgres-1-cached", "PostgreSQL, 1 process, nginx, Quire's cache", cached.slice(0, 1)),
      uncached: await through(
        "nginx-postgres-1-uncached",
        "PostgreSQL, 1 process, nginx, rendered",
        uncached.slice(0, 1),
        rendering,
      ),
    };
    const many = {
      cached: await through(`nginx-postgres-${processes}-cached`, `PostgreSQL, ${several}, nginx, Quire's cache`, cached),
      uncached: await through(
        `nginx-postgres-${processes}-uncached`,
        `PostgreSQL, ${several}, nginx, rendered`,
        uncached,
        rendering,
      ),
    };
    return {
      processes,
      cores: os.cpus().length,
      speedup: {
        cached: many.cached.requestsPerSecond / one.cached.requestsPerSecond,
        uncached: many.uncached.requestsPerSecond / one.uncached.requestsPerSecond,
      },
      postgresOverSqliteUncached: one.uncached.requestsPerSecond / sqliteUncached.requestsPerSecond,
      seconds: (Date.now() - began) / 1000,
    };
  } finally {
    await Promise.all(started.map(stopQuire));
    await database.drop();
  }
}
