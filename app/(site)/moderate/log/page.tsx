import type { Metadata } from "next";
import Link from "next/link";
import { requireModeratorForPage } from "@/lib/moderation/page-access";
import { listModerationLog } from "@/lib/moderation/log";
import { LOGGED_ACTIONS, logFilterSchema, type LogFilter } from "@/lib/moderation/schema";
import { describeAction } from "@/lib/moderation/wording";
import { ActionPanel } from "@/components/moderation/action-panel";
import { LogEntry } from "@/components/moderation/log-entry";
import { moderate } from "../actions";

export const metadata: Metadata = { title: "Moderation log", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationLogPage({ searchParams }: Props) {
  const moderator = await requireModeratorForPage("/moderate/log");
  const filter = logFilterSchema.parse(await searchParams);
  const { entries, nextBefore } = await listModerationLog(moderator, filter);
  // Restore is offered once per post, on its newest entry here.
  const newestOnPost = new Map<number, number>();
  for (const entry of entries) if (entry.commentId && !newestOnPost.has(entry.commentId)) newestOnPost.set(entry.commentId, entry.id);
  return (
    <>
      <h1>Moderation log</h1>
      <p className="lead">Every moderation action, newest first: who, what, when, before and after, and why.</p>
      <LogFilters filter={filter} />
      <ActionPanel action={moderate}>
        {entries.length === 0 ? (
          <p>No actions match these filters.</p>
        ) : (
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
                <LogEntry key={entry.id} entry={entry} offerRestore={entry.commentId !== null && newestOnPost.get(entry.commentId) === entry.id} />
              ))}
            </tbody>
          </table>
        )}
      </ActionPanel>
      {nextBefore && <Link href={`/moderate/log?${olderQuery(filter, nextBefore)}`}>Older entries</Link>}
    </>
  );
}

function olderQuery(filter: LogFilter, before: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, before })) if (value !== undefined) query.set(key, String(value));
  return query.toString();
}

function LogFilters({ filter }: { filter: LogFilter }) {
  return (
    <form method="get" action="/moderate/log" className="log-filters" aria-label="Filter the log">
      <label>
        Moderator
        <input type="text" name="moderator" defaultValue={filter.moderator} />
      </label>
      <label>
        Post id
        <input type="text" inputMode="numeric" name="post" defaultValue={filter.post} />
      </label>
      <label>
        User
        <input type="text" name="user" defaultValue={filter.user} />
      </label>
      <label>
        Action
        <select name="action" defaultValue={filter.action ?? ""}>
          <option value="">Any</option>
          {LOGGED_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {describeAction(action).label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--secondary">
        Filter
      </button>
      <Link href="/moderate/log">Clear</Link>
    </form>
  );
}
