// Posting at full speed through the JSON API, signed in, and the check that
// no post answered 2xx is missing from the database afterwards.
import crypto from "node:crypto";
import { runWrk } from "./wrk.mjs";
import { postsStartingWith, type BenchDb } from "./bench-db.mjs";
import type { LoadSettings } from "./page-load.mjs";

export type PostingResult = {
  slug: string;
  seconds: number;
  postsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  answered2xx: number;
  answered5xx: number;
  statuses: Record<string, number>;
  socketErrors: number;
  /**
   * Requests wrk had sent and stopped waiting for when its time was up: the
   * server may still store them. One more than were in flight, as wrk calls
   * the script's request() once at start to check it.
   */
  unansweredAtStop: number;
  stored: number;
  storedApproved: number;
  /** Posts answered 2xx that the database does not have. */
  lost: number;
  failures: string[];
};

type PostingReport = { sent: number; answered: number; statuses: Record<string, number>; ids: number[] };

/** Counts a run's posts until the count holds still: posts wrk stopped waiting for may still be committing. */
async function settledPosts(db: BenchDb, slug: string, prefix: string) {
  let posts = await postsStartingWith(db, slug, prefix);
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const again = await postsStartingWith(db, slug, prefix);
    if (again.length === posts.length) return again;
    posts = again;
  }
  return posts;
}

function failuresOf(result: Omit<PostingResult, "failures">): string[] {
  const failures: string[] = [];
  if (result.answered2xx === 0) failures.push(`posting: no post was accepted (statuses ${JSON.stringify(result.statuses)})`);
  if (result.lost > 0) failures.push(`posting: ${result.lost} posts answered 2xx are not in the database`);
  if (result.answered5xx > 0) failures.push(`posting: ${result.answered5xx} answers were 5xx`);
  // More stored than answered is only fine for the requests cut off at the end.
  const extra = result.stored - result.answered2xx;
  if (extra > result.unansweredAtStop) {
    failures.push(`posting: ${extra} more posts stored than answered 2xx, but only ${result.unansweredAtStop} were unanswered`);
  }
  return failures;
}

/** A few posts one after another, so the route's first-request costs (module loading, JIT) stay out of the run. */
async function warmUp(baseUrl: string, slug: string, cookie: string, runTag: string): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    const response = await fetch(`${baseUrl}/api/articles/${slug}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, cookie },
      body: JSON.stringify({ body: `Bench warm-up post ${runTag} ${i}: getting the server ready.` }),
    });
    if (response.status !== 201) throw new Error(`a warm-up post answered ${response.status}: ${await response.text()}`);
  }
}

export async function measurePosting(
  { baseUrl, slug, cookie, db }: { baseUrl: string; slug: string; cookie: string; db: BenchDb },
  settings: LoadSettings,
): Promise<PostingResult> {
  const runTag = `r${crypto.randomBytes(4).toString("hex")}`;
  await warmUp(baseUrl, slug, cookie, runTag);
  const wrk = await runWrk(
    {
      url: `${baseUrl}/api/articles/${slug}/comments`,
      seconds: settings.seconds,
      connections: settings.connections,
      threads: settings.threads,
      headers: { "content-type": "application/json", origin: baseUrl, cookie },
      script: "post-comments.lua",
      env: { BENCH_RUN_TAG: runTag },
    },
    settings.workDir,
  );
  const report = wrk.extra as PostingReport;
  const stored = await settledPosts(db, slug, `Bench post ${runTag} `);
  const storedIds = new Set(stored.map((post) => post.id));
  const byClass = (digit: string) =>
    Object.entries(report.statuses).reduce((sum, [status, count]) => (status.startsWith(digit) ? sum + count : sum), 0);
  const answered2xx = byClass("2");
  const result = {
    slug,
    seconds: wrk.seconds,
    postsPerSecond: answered2xx / wrk.seconds,
    p50Ms: wrk.p50Ms,
    p99Ms: wrk.p99Ms,
    answered2xx,
    answered5xx: byClass("5"),
    statuses: report.statuses,
    socketErrors: wrk.socketErrors,
    unansweredAtStop: report.sent - report.answered,
    stored: stored.length,
    storedApproved: stored.filter((post) => post.status === "APPROVED").length,
    lost: report.ids.filter((id) => !storedIds.has(id)).length + Math.max(0, answered2xx - report.ids.length),
  };
  return { ...result, failures: failuresOf(result) };
}
