import Link from "next/link";
import type { Snapshot } from "@/lib/moderation/audit";
import type { LogEntry as Entry } from "@/lib/moderation/log";
import { describeAction, describeBan, STATUS_WORDS } from "@/lib/moderation/wording";
import { PanelForm } from "./action-panel";

const REMOVED = new Set(["REJECTED", "SPAM", "DELETED"]);

/** One row of the audit log: who did what, when, to what, why, and what changed. */
export function LogEntry({ entry, offerRestore }: { entry: Entry; offerRestore: boolean }) {
  const { comment } = entry;
  return (
    <tr className={entry.undoneAt ? "log-entry log-entry--undone" : "log-entry"}>
      <td>
        <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
      </td>
      <td>
        <Link href={`/moderate/log?moderator=${encodeURIComponent(entry.actor.username)}`}>{entry.actor.username}</Link>
      </td>
      <td>
        {describeAction(entry.action).label}
        {entry.undoneAt && <span className="badge"> undone</span>}
      </td>
      <td>
        <Subject entry={entry} />
      </td>
      <td>
        <Change before={entry.before} after={entry.after} />
      </td>
      <td>{entry.reason}</td>
      <td>
        {comment && (entry.canUndo || offerRestore) && (
          <PanelForm aria-label={`Act on post #${comment.id}`}>
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="expectedVersion" value={comment.version} />
            {entry.canUndo && (
              <button type="submit" name="intent" value="undo" className="button button--secondary">
                Undo
              </button>
            )}
            {offerRestore && REMOVED.has(comment.status) && (
              <button type="submit" name="intent" value="restore" className="button button--secondary">
                Restore
              </button>
            )}
          </PanelForm>
        )}
      </td>
    </tr>
  );
}

function Subject({ entry }: { entry: Entry }) {
  const { comment, article, targetUser } = entry;
  return (
    <>
      {comment && (
        <Link href={`/moderate/posts/${comment.id}`}>
          {comment.number ? `Post ${comment.number}` : `Post #${comment.id} (unnumbered)`}
        </Link>
      )}
      {article && (
        <>
          {comment ? " on " : ""}
          <Link href={`/articles/${article.slug}${comment?.number ? `#post-${comment.number}` : ""}`}>{article.title}</Link>
        </>
      )}
      {comment && <span className="muted"> (now {STATUS_WORDS[comment.status]})</span>}
      {targetUser && (
        <>
          {" "}
          by <Link href={`/moderate/log?user=${encodeURIComponent(targetUser.username)}`}>{targetUser.username}</Link>
        </>
      )}
    </>
  );
}

/** The before → after of the fields an action changed. */
function Change({ before, after }: { before: Snapshot | null; after: Snapshot | null }) {
  if (!before || !after) return <span className="muted">The record of this change cannot be read.</span>;
  const lines: string[] = [];
  if (before.status !== after.status && after.status) lines.push(`${word(before.status)} → ${word(after.status)}`);
  if (after.number && before.number !== after.number) lines.push(`numbered Post ${after.number}`);
  if (before.discussionOpen !== undefined)
    lines.push(`discussion ${open(before.discussionOpen)} → ${open(after.discussionOpen)}`);
  if (before.bannedUntil !== undefined) lines.push(`${ban(before.bannedUntil)} → ${ban(after.bannedUntil)}`);
  if (before.openReportIds?.length) lines.push(`${before.openReportIds.length} report(s) dismissed`);
  if (after.openReportIds?.length) lines.push(`${after.openReportIds.length} report(s) reopened`);
  for (const key of Object.keys(after.settings ?? {})) {
    lines.push(`${key}: ${JSON.stringify(before.settings?.[key])} → ${JSON.stringify(after.settings?.[key])}`);
  }
  return (
    <>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {after.body !== undefined && before.body !== after.body && (
        <details>
          <summary>text changed</summary>
          <p>
            <strong>Before:</strong> {before.body}
          </p>
          <p>
            <strong>After:</strong> {after.body}
          </p>
        </details>
      )}
    </>
  );
}

const word = (status: Snapshot["status"]) => (status ? STATUS_WORDS[status] : "—");
const open = (value: boolean | undefined) => (value ? "open" : "closed");
const ban = (until: string | null | undefined) => (until ? describeBan(new Date(until)) : "not banned");
