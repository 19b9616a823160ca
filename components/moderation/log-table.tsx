import type { LogEntry as Entry } from "@/lib/moderation/log";
import { LogEntry } from "./log-entry";

/** Audit-log entries, newest first. Restore is offered once per post, on its newest entry here. */
export function LogTable({ entries }: { entries: Entry[] }) {
  const newestOnPost = new Map<number, number>();
  for (const entry of entries)
    if (entry.commentId && !newestOnPost.has(entry.commentId)) newestOnPost.set(entry.commentId, entry.id);
  return (
    <table className="moderation-log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Moderator</th>
          <th scope="col">Action</th>
          <th scope="col">On</th>
          <th scope="col">Change</th>
          <th scope="col">Reason</th>
          <th scope="col">
            <span className="visually-hidden">Undo or restore</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <LogEntry
            key={entry.id}
            entry={entry}
            offerRestore={entry.commentId !== null && newestOnPost.get(entry.commentId) === entry.id}
          />
        ))}
      </tbody>
    </table>
  );
}
