// `npm run test:crash`: the production server, started as `npm start` starts
// it with the response cache on, is killed with SIGKILL while signed-in readers
// and guests post at full speed and a moderator approves, then started again:
// CRASH_ROUNDS (10) rounds, each killed at a random moment. Afterwards every
// post and approval that was answered 2xx must be in the database, SQLite's
// integrity check must pass, no request may have seen a 5xx, and after each
// restart the pages must show every post acknowledged before the kill. Last, a
// SIGTERM with requests in flight must let each finish and exit 0.
//
// Needs `npm run build`. CRASH_KEEP_DATA=1 keeps the data folder (it is kept
// anyway when something fails). Prints its figures; exits 1 on any failure.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withBenchDb } from "./bench/bench-db.mjs";
import { freePort, killGroup, stopAll } from "./bench/processes.mjs";
import { startQuire, type QuireServer } from "./bench/quire-server.mjs";
import { signIn } from "./bench/session.mjs";
import { PendingPosts, startLoad, type Sessions } from "./crash/clients.mjs";
import { checkDatabase } from "./crash/database-check.mjs";
import { drainOnSigterm } from "./crash/drain.mjs";
import { Ledger, ServerState } from "./crash/ledger.mjs";
import { checkPagesAfterRestart, newCacheFigures } from "./crash/page-check.mjs";
import { printFigures, type RoundFigures } from "./crash/report.mjs";
import { changeSiteSettings } from "../tests/helpers/site-settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const RATE_LIMIT = { max: 100_000, windowSeconds: 60 };
/** The kill lands at a random moment this far into each round's load. */
const KILL_AFTER_MS = { min: 1000, max: 4000 };

const rounds = Number(process.env.CRASH_ROUNDS ?? 10);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`CRASH_ROUNDS must be a whole number from 1, not "${rounds}"`);
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !fs.existsSync(path.join(ROOT, ".next", "quire", "main.mjs"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const startedAt = Date.now();
const runTag = `crash${crypto.randomBytes(3).toString("hex")}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-crash-"));
const databaseFile = path.join(dataDir, "quire.db");
const state = new ServerState();
const ledger = new Ledger(state);
const pending = new PendingPosts();
const cache = newCacheFigures();
const roundFigures: RoundFigures[] = [];
const port = await freePort();

async function start(): Promise<QuireServer> {
  const server = await startQuire({
    label: "Quire",
    dataDir,
    databaseUrl: `file:${databaseFile}`,
    cache: true,
    logName: "server.log",
    port,
  });
  state.up = true;
  return server;
}

/**
 * Every client comes from 127.0.0.1 and the readers share one account, so the
 * posting limits are lifted; signed-in posts appear at once, guests' posts wait
 * for the moderator (holdGuestPosts stays on). Returns the articles to post to.
 */
async function prepare(): Promise<string[]> {
  return withBenchDb(databaseFile, async (db) => {
    await changeSiteSettings(db, {
      commentRateLimitPerIp: RATE_LIMIT,
      commentRateLimitPerUser: RATE_LIMIT,
      holdFirstPost: false,
      holdGuestPosts: true,
    });
    const articles = await db.article.findMany({
      where: { status: "PUBLISHED", discussionOpen: true, deletedAt: null, publishedAt: { lte: new Date() } },
      orderBy: { id: "asc" },
      take: rounds + 1,
      select: { slug: true },
    });
    if (articles.length < rounds + 1) throw new Error(`the demo content has ${articles.length} open articles, not ${rounds + 1}`);
    return articles.map((article) => article.slug);
  });
}

async function crashRound(round: number, slug: string, server: QuireServer, sessions: Sessions): Promise<QuireServer> {
  const before = { posts: ledger.posts.length, approvals: ledger.approvals.length };
  const load = startLoad({
    baseUrl: server.baseUrl,
    slug,
    sessions,
    ledger,
    pending,
    tag: `${runTag}-r${round}`,
    readers: 3,
    guests: 3,
  });
  const killAfterMs = KILL_AFTER_MS.min + Math.random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min);
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  state.kills++;
  state.up = false;
  const killed = killGroup(server.process);
  await load.stop();
  await killed;
  const restartAt = Date.now();
  const restarted = await start();
  const restartMs = Date.now() - restartAt;
  const checkAt = Date.now();
  await checkPagesAfterRestart(
    { baseUrl: restarted.baseUrl, slug, sessions, ledger, pending, tag: `${runTag}-r${round}` },
    cache,
  );
  const posts = ledger.posts.slice(before.posts);
  const figures: RoundFigures = {
    round,
    slug,
    killAfterMs,
    restartMs,
    checkMs: Date.now() - checkAt,
    posts: posts.length,
    acked: posts.filter((post) => post.result === "acked").length,
    unknown: posts.filter((post) => post.result === "unknown").length,
    approvals: ledger.approvals.slice(before.approvals).filter((approval) => approval.result === "acked").length,
  };
  roundFigures.push(figures);
  console.log(
    `round ${round}: killed after ${(killAfterMs / 1000).toFixed(1)} s; ${figures.acked} of ${figures.posts} posts acknowledged, ` +
      `${figures.unknown} cut off; ${figures.approvals} approvals; restarted in ${(restartMs / 1000).toFixed(1)} s, checked in ${(figures.checkMs / 1000).toFixed(1)} s`,
  );
  return restarted;
}

let failed = false;
try {
  console.log(`Starting Quire on a fresh database in ${dataDir} (the first start migrates and seeds) ...`);
  let server = await start();
  console.log(`first start in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const slugs = await prepare();
  const sessions = {
    reader: await signIn(server.baseUrl, "reader", "quire-reader-2026"),
    moderator: await signIn(server.baseUrl, "moderator", "quire-moderator-2026"),
  };
  for (let round = 1; round <= rounds; round++) server = await crashRound(round, slugs[round - 1]!, server, sessions);

  console.log("SIGTERM with requests in flight ...");
  const drain = await drainOnSigterm({
    baseUrl: server.baseUrl,
    slug: slugs[rounds]!,
    sessions,
    ledger,
    pending,
    child: server.process,
    logFile: server.logFile,
    databaseFile,
    tag: `${runTag}-drain`,
  });
  state.up = false;
  const database = checkDatabase(databaseFile, ledger, runTag);
  failed = printFigures({ rounds: roundFigures, ledger, cache, drain, database, seconds: (Date.now() - startedAt) / 1000 });
} catch (error) {
  console.error(`The crash test could not finish: ${(error as Error).stack ?? error}`);
  failed = true;
} finally {
  await stopAll();
  if (failed || process.env.CRASH_KEEP_DATA === "1") console.log(`data kept in ${dataDir} (server log: server.log)`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
