// After the last stop: the client log against the Comment table, read
// straight from the file with better-sqlite3, and SQLite's own checks.
import Database from "better-sqlite3";
import { markerOf } from "./clients.mjs";
import type { Ledger } from "./ledger.mjs";

export type DatabaseFigures = {
  integrity: string;
  foreignKeyProblems: number;
  journalMode: string;
  /** Posts of this run found in the table. */
  stored: number;
  /** Acknowledged posts found by their words, with the id and status they were acknowledged with. */
  ackedFound: number;
  /** Posts whose connection died unanswered that turned out to be stored. */
  unknownStored: number;
  /** Approvals whose connection died unanswered that turned out to have committed (the retry answered 409). */
  unknownApprovalsCommitted: number;
  failures: string[];
};

type Row = { id: number; body: string; status: string; number: number | null; slug: string };

export function checkDatabase(file: string, ledger: Ledger, runTag: string): DatabaseFigures {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const failures: string[] = [];
    const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    if (integrity.join() !== "ok") failures.push(`PRAGMA integrity_check: ${integrity.join("; ")}`);
    const foreignKeyProblems = (db.pragma("foreign_key_check") as unknown[]).length;
    if (foreignKeyProblems > 0) failures.push(`PRAGMA foreign_key_check: ${foreignKeyProblems} rows point nowhere`);
    const duplicates = db
      .prepare(
        `SELECT articleId, number, COUNT(*) AS n FROM Comment WHERE number IS NOT NULL GROUP BY articleId, number HAVING n > 1`,
      )
      .all() as Array<{ articleId: number; number: number; n: number }>;
    for (const { articleId, number, n } of duplicates) failures.push(`article ${articleId} has ${n} posts numbered ${number}`);

    const rows = db
      .prepare(
        `SELECT c.id, c.body, c.status, c.number, a.slug FROM Comment c JOIN Article a ON a.id = c.articleId WHERE c.body LIKE ?`,
      )
      .all(`Crash test post ${runTag}-%`) as Row[];
    const byMarker = new Map(rows.map((row) => [markerOf(row.body) ?? "", row]));
    const byId = new Map(rows.map((row) => [row.id, row]));

    let ackedFound = 0;
    let unknownStored = 0;
    for (const post of ledger.posts) {
      const row = byMarker.get(post.marker);
      if (post.result === "unknown") {
        if (row) unknownStored++;
        continue;
      }
      if (post.result === "refused") {
        if (row) failures.push(`post ${post.marker} was refused with ${post.status} but is stored as ${row.id}`);
        continue;
      }
      if (!row) {
        failures.push(`post ${post.marker} answered ${post.status} (id ${post.id}) is not in the database`);
        continue;
      }
      if (row.id !== post.id || row.slug !== post.slug) {
        failures.push(`post ${post.marker} was acknowledged as ${post.id} on ${post.slug}, stored as ${row.id} on ${row.slug}`);
      } else if (typeof post.number === "number" && (row.status !== "APPROVED" || row.number !== post.number)) {
        failures.push(`post ${post.id} was acknowledged as Post ${post.number}, stored ${row.status} as ${row.number}`);
      } else ackedFound++;
    }

    let unknownApprovalsCommitted = 0;
    const unknownApprovals = new Set<number>();
    for (const approval of ledger.approvals) {
      const row = byId.get(approval.id);
      if (approval.result === "unknown") unknownApprovals.add(approval.id);
      else if (approval.result === "refused") {
        // Approving again a post whose first approval was cut off: 409 means that one committed.
        if (approval.status === 409 && unknownApprovals.has(approval.id) && row?.status === "APPROVED")
          unknownApprovalsCommitted++;
        else failures.push(`approving post ${approval.id} was refused with ${approval.status}`);
      } else if (row?.status !== "APPROVED" || row.number !== approval.number) {
        failures.push(`post ${approval.id} was approved as Post ${approval.number}, stored ${row?.status} as ${row?.number}`);
      }
    }

    return {
      integrity: integrity.join("; "),
      foreignKeyProblems,
      journalMode: String(db.pragma("journal_mode", { simple: true })),
      stored: rows.length,
      ackedFound,
      unknownStored,
      unknownApprovalsCommitted,
      failures,
    };
  } finally {
    db.close();
  }
}
