// `npm run bench`: what Quire's production server does on this machine, in one
// run, with wrk as the load generator. Reads of a 100-post article page (cached,
// signed in, uncached), the home page, posting at full speed (none may be lost),
// how soon an approved post is on the page, search latency, failed logins for
// a real account against made-up names, peak memory, and the same page again
// on a database with a million more posts. Each figure is set against a bare
// node:http server (and nginx, if installed) sending the same bytes. With
// BENCH_POSTGRES_URL and nginx: one process against several behind nginx on a
// fresh PostgreSQL database of its own (bench/scale-out.mts).
//
// BENCH_SECONDS (10) per run, BENCH_CONNECTIONS (32), BENCH_OUTPUT (the JSON
// file, ./bench-results.json), BENCH_KEEP_DATA=1 keeps the temporary folder,
// BENCH_POSTGRES_URL (a role that may create databases, e.g.
// postgresql://quire:quire@127.0.0.1:5432/postgres), BENCH_PROCESSES (2) behind nginx.
// Fails only when something is broken, never because of a figure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fillApprovedPosts, raiseRateLimits, withBenchDb } from "./bench/bench-db.mjs";
import { measureFreshness } from "./bench/freshness.mjs";
import { findNginx, startNginxReference } from "./bench/nginx.mjs";
import { measurePage, type LoadSettings, type PageLoad } from "./bench/page-load.mjs";
import { measurePosting } from "./bench/posting.mjs";
import { measureSearch } from "./bench/search.mjs";
import { measureLoginTiming } from "./bench/login-timing.mjs";
import { copyDatabase } from "./bench/database-file.mjs";
import { onInterrupted, stopAll, stopGroup } from "./bench/processes.mjs";
import type { QuireServer } from "./bench/quire-server.mjs";
import { headerValue, rawGet } from "./bench/raw-get.mjs";
import { replayableHeaders, startNodeReference } from "./bench/reference.mjs";
import { printLoadRow, printTable, writeResults, type BenchResults, type LoadRow, type Slowdown } from "./bench/report.mjs";
import { RssSampler } from "./bench/rss.mjs";
import { BenchServers } from "./bench/servers.mjs";
import { BIG_ARTICLE_SLUG, generateScaleSet } from "./bench/scale-set.mjs";
import { measureScaleOut } from "./bench/scale-out.mjs";
import { signIn } from "./bench/session.mjs";
import { runWrk, wrkVersion } from "./bench/wrk.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const ARTICLE = "why-do-we-need-sleep";
const ARTICLE_POSTS = 100;
/** Posting and freshness write to articles of their own, so the measured page keeps its 100 posts. */
const POSTING_ARTICLE = "how-do-tides-work";
const FRESHNESS_ARTICLE = "why-does-bread-go-stale";

/** wrk takes whole seconds and at least one connection per thread. */
function wholeNumber(name: string, fallback: number): number {
  const value = Math.round(Number(process.env[name] ?? fallback));
  if (!(value >= 1)) throw new Error(`${name} must be a whole number from 1, not "${process.env[name]}"`);
  return value;
}

const wrk = wrkVersion();
if (!wrk) {
  console.error("The bench needs wrk, the HTTP load generator. Install it with:\n  apt-get install -y wrk");
  process.exit(1);
}
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !fs.existsSync(path.join(ROOT, ".next", "quire", "main.mjs"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const seconds = wholeNumber("BENCH_SECONDS", 10);
const connections = wholeNumber("BENCH_CONNECTIONS", 32);
const output = path.resolve(process.env.BENCH_OUTPUT ?? path.join(ROOT, "bench-results.json"));
const postgresUrl = process.env.BENCH_POSTGRES_URL || undefined;
const processes = wholeNumber("BENCH_PROCESSES", 2);
const nginx = findNginx();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-"));
onInterrupted(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const settings: LoadSettings = { seconds, warmupSeconds: Math.min(2, seconds), connections, threads: 1, workDir: dataDir };
const sampler = new RssSampler();
const servers = new BenchServers(dataDir, sampler);
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    wrk,
    nginx: nginx?.version ?? null,
    kernel: `${os.type()} ${os.release()}`,
  },
  settings: { seconds, warmupSeconds: settings.warmupSeconds, connections, wrkThreads: 1, threadCalibration: {} },
  page: { slug: ARTICLE, bytes: 0, status: 0, headers: [] },
  loads: [],
  rssPeakMb: {},
  failures: [],
};

function record(key: string, load: PageLoad): LoadRow {
  servers.check();
  const reference = results.loads.find((row) => row.key === "reference-node");
  const row = { ...load, key, ratioToReference: reference ? load.requestsPerSecond / reference.requestsPerSecond : 1 };
  results.loads.push(row);
  printLoadRow(row);
  return row;
}

/**
 * The first start migrates and seeds; with that server stopped, the bench
 * makes the 100-post article and lifts the posting limits, then copies the
 * database for the uncached server. Returns the article's approved posts
 * (more than 100 if the demo content ever brings more).
 */
async function prepareDatabase(): Promise<number> {
  console.log(`Starting Quire on a fresh database in ${dataDir} (the first start migrates and seeds) ...`);
  await servers.stop(await servers.start(true));
  const filled = await withBenchDb(servers.databases.on, async (db) => {
    await raiseRateLimits(db);
    return fillApprovedPosts(db, ARTICLE, ARTICLE_POSTS);
  });
  console.log(`/articles/${ARTICLE}: ${filled.added} approved posts added, ${filled.total} in all`);
  copyDatabase(servers.databases.on, servers.databases.off);
  return filled.total;
}

async function postAtFullSpeed(server: QuireServer, cookie: string): Promise<void> {
  console.log(`Posting to /articles/${POSTING_ARTICLE} as reader ...`);
  const posting = await withBenchDb(servers.databases.on, (db) =>
    measurePosting({ baseUrl: server.baseUrl, slug: POSTING_ARTICLE, cookie, db }, settings),
  );
  servers.check();
  results.posting = posting;
  results.failures.push(...posting.failures);
}

/** Picks the wrk thread count that gets the most out of the reference: a slower load generator would measure itself. */
async function chooseWrkThreads(referenceUrl: string): Promise<void> {
  for (const threads of [1, 2].filter((t) => t <= connections)) {
    const run = await runWrk({ url: referenceUrl, seconds: Math.min(3, seconds), connections, threads }, dataDir);
    results.settings.threadCalibration[`-t${threads}`] = run.requestsPerSecond;
  }
  const { "-t1": one = 0, "-t2": two = 0 } = results.settings.threadCalibration;
  settings.threads = results.settings.wrkThreads = two > one ? 2 : 1;
}

async function measureReferences(pageUrl: string): Promise<void> {
  await rawGet(pageUrl); // the first request renders and stores the page
  const snapshot = await rawGet(pageUrl);
  if (headerValue(snapshot, "x-quire-cache") !== "hit") console.log("note: the article page was not answered from the cache");
  results.page = { slug: ARTICLE, bytes: snapshot.body.length, status: snapshot.status, headers: replayableHeaders(snapshot) };
  const node = await startNodeReference(dataDir, snapshot);
  await chooseWrkThreads(node.url);
  console.log(
    `wrk -t${settings.threads} -c${connections} -d${seconds}s; article page ${(snapshot.body.length / 1024).toFixed(1)} KB`,
  );
  record(
    "reference-node",
    await measurePage("reference: bare node:http, same bytes", node.url, settings, { warmUp: false, fromQuire: false }),
  );
  await stopGroup(node.process);
  if (!nginx) return console.log("nginx is not installed: no nginx reference (apt-get install -y nginx)");
  const server = await startNginxReference(nginx.command, snapshot);
  try {
    record("reference-nginx", await measurePage("reference: nginx, same file", server.url, settings, { fromQuire: false }));
  } finally {
    await server.stop();
  }
}

/** One process against several behind nginx on PostgreSQL, while the SQLite servers are idle. */
async function compareScaleOut(sqlite: { cached: QuireServer; uncached: QuireServer }, posts: number): Promise<void> {
  if (!postgresUrl)
    return console.log("BENCH_POSTGRES_URL is not set: no PostgreSQL section (one process vs several behind nginx)");
  if (!nginx) return console.log("nginx is not installed: no PostgreSQL section (it measures through nginx)");
  console.log(
    `One process vs ${processes} behind nginx on PostgreSQL; this machine has ${os.cpus().length} cores for wrk, nginx and every process: no linear scaling.`,
  );
  try {
    results.scaleOut = await measureScaleOut({
      postgresUrl,
      nginxCommand: nginx.command,
      processes,
      dataDir,
      slug: ARTICLE,
      posts,
      settings,
      sampler,
      sqlite,
      record,
    });
    console.log(`PostgreSQL section: ${results.scaleOut.seconds.toFixed(0)} s`);
  } catch (error) {
    results.failures.push(`the PostgreSQL section could not finish: ${(error as Error).stack ?? error}`);
  }
}

function slowdown(before: LoadRow, after: LoadRow): Slowdown {
  const percent = (1 - after.requestsPerSecond / before.requestsPerSecond) * 100;
  return { before: before.requestsPerSecond, after: after.requestsPerSecond, percent };
}

async function run(): Promise<void> {
  const posts = await prepareDatabase();
  const article = `${posts}-post article`;
  let [cached, uncached] = await servers.startBoth();
  const readerCookie = await signIn(cached.baseUrl, "reader", "quire-reader-2026");
  const moderatorCookie = await signIn(cached.baseUrl, "moderator", "quire-moderator-2026");
  const articlePath = `/articles/${ARTICLE}`;
  const single = { ...settings, connections: 1, threads: 1 };

  await measureReferences(`${cached.baseUrl}${articlePath}`);
  const articleCached = record(
    "article-cached",
    await measurePage(`${article}, anonymous`, `${cached.baseUrl}${articlePath}`, settings),
  );
  const headers = { cookie: readerCookie };
  record(
    "article-cached-signed-in",
    await measurePage(`${article}, signed in`, `${cached.baseUrl}${articlePath}`, settings, { headers }),
  );
  const articleUncached = record(
    "article-uncached",
    await measurePage(`${article}, uncached server`, `${uncached.baseUrl}${articlePath}`, settings),
  );
  // A render's own latency, one request at a time (at 32 connections p50 is mostly queueing).
  record(
    "article-uncached-one-connection",
    await measurePage(`${article}, uncached, 1 connection`, `${uncached.baseUrl}${articlePath}`, single),
  );
  record("home-cached", await measurePage("home page, anonymous", `${cached.baseUrl}/`, settings));
  record(
    "search-uncached-one-connection",
    await measurePage(
      "search page (why is the sky blue), uncached, 1 connection",
      `${uncached.baseUrl}/search?q=why+is+the+sky+blue`,
      single,
    ),
  );

  await compareScaleOut({ cached, uncached }, posts);

  await postAtFullSpeed(cached, readerCookie);
  console.log(`Freshness on /articles/${FRESHNESS_ARTICLE} under load ...`);
  results.freshness = await measureFreshness({ baseUrl: cached.baseUrl, slug: FRESHNESS_ARTICLE, moderatorCookie }, settings);
  servers.check();
  results.failures.push(...results.freshness.failures);
  console.log("Failed logins: a real account against made-up names ...");
  results.loginTiming = await measureLoginTiming(cached.baseUrl, "reader");
  servers.check();
  results.failures.push(...results.loginTiming.failures);

  // Written straight to the database, past the response cache: both servers
  // start again on it, so neither holds a page from before.
  await servers.stop(cached, uncached);
  console.log("Search on the demo content, in process ...");
  results.search = await measureSearch(servers.databases.on);
  console.log("Generating the scale set ...");
  // In this process: both servers are stopped, so the synchronous SQLite work stalls nothing measured.
  const generated = await withBenchDb(servers.databases.on, generateScaleSet);
  console.log(`scale set: ${generated.articles} articles, ${generated.posts} posts in ${generated.seconds.toFixed(2)} s`);
  copyDatabase(servers.databases.on, servers.databases.off);
  [cached, uncached] = await servers.startBoth();
  const bigUrl = `${cached.baseUrl}/articles/${BIG_ARTICLE_SLUG}`;
  record("big-article-cached", await measurePage("5,000-post article, newest page, anonymous", bigUrl, settings));
  const cachedAfter = record(
    "article-cached-scale-set",
    await measurePage(`${article}, anonymous, scale set`, `${cached.baseUrl}${articlePath}`, settings),
  );
  const uncachedAfter = record(
    "article-uncached-scale-set",
    await measurePage(`${article}, uncached server, scale set`, `${uncached.baseUrl}${articlePath}`, settings),
  );
  record(
    "article-uncached-one-connection-scale-set",
    await measurePage(`${article}, uncached, 1 connection, scale set`, `${uncached.baseUrl}${articlePath}`, single),
  );
  results.scale = {
    ...generated,
    slowdown: {
      [`${article}, cached`]: slowdown(articleCached, cachedAfter),
      [`${article}, uncached`]: slowdown(articleUncached, uncachedAfter),
    },
  };
}

sampler.start();
try {
  await run();
} catch (error) {
  results.failures.push(`the bench could not finish: ${(error as Error).stack ?? error}`);
} finally {
  sampler.stop();
  results.rssPeakMb = sampler.peaksMb();
  results.finishedAt = new Date().toISOString();
  await stopAll();
  if (process.env.BENCH_KEEP_DATA === "1") console.log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
printTable(results);
writeResults(output, results);
process.exitCode = results.failures.length > 0 ? 1 : 0;
