import { formatDateTime } from "@/lib/calendar";

type Entry = { id: number; action: string; summary: string; createdAt: Date; actor: { username: string } };

/** The back office's audit trail, newest first: when, who, what, and the change in a sentence. */
export function AuditLogTable({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p>Nothing has been recorded here yet.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">What changed</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
            </td>
            <td>{entry.actor.username}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>{entry.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
