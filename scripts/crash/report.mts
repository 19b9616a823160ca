// The crash test's figures and verdict.
import type { DatabaseFigures } from "./database-check.mjs";
import type { DrainFigures } from "./drain.mjs";
import type { Ledger } from "./ledger.mjs";
import type { CacheFigures } from "./page-check.mjs";

export type RoundFigures = {
  round: number;
  slug: string;
  killAfterMs: number;
  restartMs: number;
  /** The page checks and approvals after the restart. */
  checkMs: number;
  posts: number;
  acked: number;
  unknown: number;
  approvals: number;
};

type Figures = {
  rounds: RoundFigures[];
  ledger: Ledger;
  cache: CacheFigures;
  drain: DrainFigures;
  database: DatabaseFigures;
  seconds: number;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints the figures and every failure; returns whether there was one. */
export function printFigures({ rounds, ledger, cache, drain, database, seconds: total }: Figures): boolean {
  const posts = ledger.posts;
  const acked = posts.filter((post) => post.result === "acked");
  const unknown = posts.filter((post) => post.result === "unknown").length;
  const refused = posts.filter((post) => post.result === "refused");
  const approvals = ledger.approvals;
  const restarts = rounds.map((round) => round.restartMs);
  const kills = rounds.map((round) => round.killAfterMs);
  const statuses = [...ledger.statuses].sort(([a], [b]) => a.localeCompare(b));

  const lines: Array<[string, string]> = [
    [
      "rounds (SIGKILL and restart)",
      `${rounds.length}, killed ${seconds(Math.min(...kills))} to ${seconds(Math.max(...kills))} into the load`,
    ],
    ["restart time", `${seconds(Math.min(...restarts))} to ${seconds(Math.max(...restarts))}`],
    [
      "posts attempted",
      `${posts.length}: ${acked.length} acknowledged (${acked.filter((p) => p.guest).length} guests' held), ${refused.length} refused, ${unknown} cut off unanswered`,
    ],
    ["acknowledged posts found in the database", `${database.ackedFound} of ${acked.length}`],
    ["cut-off posts that were stored", `${database.unknownStored} of ${unknown}`],
    ["posts of this run in the database", String(database.stored)],
    [
      "approvals",
      `${approvals.length} sent: ${approvals.filter((a) => a.result === "acked").length} acknowledged, ` +
        `${approvals.filter((a) => a.result === "unknown").length} cut off (${database.unknownApprovalsCommitted} found committed on retry)`,
    ],
    [
      "connection errors",
      `${ledger.expectedConnectionErrors} while the server was killed or down, ${ledger.unexpectedConnectionErrors.length} otherwise`,
    ],
    ["5xx answers", String(ledger.serverErrors.length)],
    ["PRAGMA integrity_check", database.integrity],
    ["PRAGMA foreign_key_check", `${database.foreignKeyProblems} problems`],
    ["journal mode", database.journalMode],
    [
      "stale-cache checks",
      `${cache.pagesLoaded} page loads after restarts, ${cache.postsChecked} post checks, ${cache.approvedAfterRestart} approved after a restart, ${cache.failures.length} stale`,
    ],
    [
      "SIGTERM drain",
      `${drain.inFlight} in flight, ${drain.answered} of ${drain.sent} answered in full; new connection ${drain.refusedAfterSignal ? "refused" : "ACCEPTED"}; ` +
        `idle connections closed ${drain.idleClosedAfterLastAnswerMs} ms after the last answer; exit ${drain.exitCode} after ${drain.exitMs} ms; ` +
        `WAL ${drain.walCheckpointed ? "checkpointed" : "LEFT BEHIND"}`,
    ],
    ["total runtime", seconds(total * 1000)],
  ];
  console.log("\nCrash test");
  const width = Math.max(...lines.map(([name]) => name.length));
  for (const [name, value] of lines) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log("  answers:", statuses.map(([key, count]) => `${key}: ${count}`).join("; "));

  const failures = [
    ...ledger.serverErrors,
    ...ledger.unexpectedConnectionErrors.map((error) => `no answer from a server that was up: ${error}`),
    ...refused.map((post) => `post ${post.marker} was refused with ${post.status}`),
    ...database.failures,
    ...cache.failures,
    ...drain.failures,
  ];
  if (failures.length === 0) {
    console.log("\nNo post or approval answered 2xx was lost; nothing failed.");
    return false;
  }
  console.log(`\n${failures.length} failures:`);
  for (const failure of failures.slice(0, 40)) console.log(`  - ${failure}`);
  if (failures.length > 40) console.log(`  ... and ${failures.length - 40} more`);
  return true;
}
