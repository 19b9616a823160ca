// The bench's figures: the printed table and the JSON file.
import fs from "node:fs";
import type { PageLoad } from "./page-load.mjs";
import type { PostingResult } from "./posting.mjs";
import type { FreshnessResult } from "./freshness.mjs";
import type { SearchResult } from "./search.mjs";
import type { LoginTimingResult } from "./login-timing.mjs";
import type { ScaleSetResult } from "./scale-set.mjs";
import type { ScaleOutResult } from "./scale-out.mjs";

export type LoadRow = PageLoad & { key: string; ratioToReference: number };

export type Slowdown = { before: number; after: number; percent: number };

export type BenchResults = {
  startedAt: string;
  finishedAt?: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; wrk: string; nginx: string | null; kernel: string };
  settings: {
    seconds: number;
    warmupSeconds: number;
    connections: number;
    wrkThreads: number;
    threadCalibration: Record<string, number>;
  };
  page: { slug: string; bytes: number; status: number; headers: Array<[string, string]> };
  loads: LoadRow[];
  posting?: PostingResult;
  freshness?: FreshnessResult;
  search?: SearchResult;
  loginTiming?: LoginTimingResult;
  rssPeakMb: Record<string, number>;
  scale?: ScaleSetResult & { slowdown: Record<string, Slowdown> };
  /** One process against several behind nginx on PostgreSQL (only with BENCH_POSTGRES_URL). */
  scaleOut?: ScaleOutResult;
  failures: string[];
};

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

export function printLoadRow(row: LoadRow): void {
  const cache = row.cache ? ` (cache ${row.cache})` : "";
  console.log(
    `  ${`${row.name}${cache}`.padEnd(52)} ${fixed(row.requestsPerSecond, 0).padStart(8)} req/s  p50 ${fixed(row.p50Ms, 2).padStart(7)} ms` +
      `  p99 ${fixed(row.p99Ms, 2).padStart(7)} ms  errors ${String(row.errors).padStart(5)}  × ${fixed(row.ratioToReference, 3)}`,
  );
}

export function printTable(results: BenchResults): void {
  const { machine, settings, page } = results;
  console.log("\n=== Quire bench ===");
  console.log(
    `machine: ${machine.cores} cores (${machine.cpu}), ${fixed(machine.memoryGb)} GB, node ${machine.node}, ${machine.wrk}, ${machine.nginx ?? "no nginx"}`,
  );
  console.log(
    `wrk -t${settings.wrkThreads} -c${settings.connections} -d${settings.seconds}s (threads chosen by the reference's req/s: ` +
      `${Object.entries(settings.threadCalibration)
        .map(([t, rps]) => `${t} ${fixed(rps, 0)}`)
        .join(", ")}); page /articles/${page.slug}, ${fixed(page.bytes / 1024)} KB`,
  );
  console.log(
    `\n  ${"page".padEnd(52)} ${"req/s".padStart(14)} ${"p50".padStart(14)} ${"p99".padStart(14)} ${"errors".padStart(13)}  × node:http`,
  );
  for (const row of results.loads) printLoadRow(row);
  const posting = results.posting;
  if (posting) {
    console.log(
      `\n  posting (signed in, /articles/${posting.slug}): ${fixed(posting.postsPerSecond, 0)} posts/s, p50 ${fixed(posting.p50Ms, 2)} ms, p99 ${fixed(posting.p99Ms, 2)} ms`,
    );
    console.log(
      `    answered 2xx ${posting.answered2xx}, stored ${posting.stored} (${posting.storedApproved} approved; ` +
        `wrk stopped waiting for ${posting.unansweredAtStop} it had sent), 5xx ${posting.answered5xx}, ` +
        `socket errors ${posting.socketErrors}, statuses ${JSON.stringify(posting.statuses)}: ${posting.lost === 0 ? "none lost" : `${posting.lost} LOST`}`,
    );
  }
  const freshness = results.freshness;
  if (freshness) {
    console.log(
      `  freshness (approve → first page with the post, ${freshness.tries.length} tries, under ${fixed(freshness.backgroundRequestsPerSecond, 0)} req/s): ` +
        `median ${fixed(freshness.medianMs, 2)} ms, max ${fixed(freshness.maxMs, 2)} ms`,
    );
  }
  const search = results.search;
  if (search) {
    console.log(
      `  search on the demo content (lib/search, in process, ${search.queries} queries): p50 ${fixed(search.p50Ms, 2)} ms, ` +
        `p99 ${fixed(search.p99Ms, 2)} ms, max ${fixed(search.maxMs, 2)} ms`,
    );
  }
  const login = results.loginTiming;
  if (login) {
    console.log(
      `  failed logins over HTTP (${login.tries} each, alternately): a real account p50 ${fixed(login.knownP50Ms, 2)} ms, ` +
        `made-up names p50 ${fixed(login.unknownP50Ms, 2)} ms, × ${fixed(login.ratio, 2)}`,
    );
  }
  console.log(
    `  peak RSS (process tree): ${Object.entries(results.rssPeakMb)
      .map(([label, mb]) => `${label} ${fixed(mb, 0)} MB`)
      .join(", ")}`,
  );
  const scale = results.scale;
  if (scale) {
    console.log(`  scale set: ${scale.articles} articles, ${scale.posts} posts, generated in ${fixed(scale.seconds, 2)} s`);
    for (const [name, s] of Object.entries(scale.slowdown)) {
      console.log(
        `  with the scale set, ${name}: ${fixed(s.before, 0)} → ${fixed(s.after, 0)} req/s, slowdown ${fixed(s.percent)} %`,
      );
    }
  }
  const scaleOut = results.scaleOut;
  if (scaleOut) {
    console.log(
      `  one process vs ${scaleOut.processes} behind nginx on PostgreSQL (the "nginx" rows; ${scaleOut.cores} cores shared by wrk, ` +
        `nginx and every process, so no linear scaling): × ${fixed(scaleOut.speedup.cached, 2)} req/s from Quire's cache, ` +
        `× ${fixed(scaleOut.speedup.uncached, 2)} rendered; PostgreSQL / SQLite rendered, one process: × ${fixed(scaleOut.postgresOverSqliteUncached, 2)}`,
    );
  }
  for (const failure of results.failures) console.log(`FAILED: ${failure}`);
}

export function writeResults(file: string, results: BenchResults): void {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nfigures written to ${file}`);
}
