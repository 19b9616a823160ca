import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listModerationLog } from "@/lib/moderation/log";
import { LOGGED_ACTIONS, logFilterSchema, type LogFilter } from "@/lib/moderation/schema";
import { describeAction } from "@/lib/moderation/wording";
import { ActionPanel } from "@/components/moderation/action-panel";
import { LogTable } from "@/components/moderation/log-table";
import { moderate } from "../actions";

export const metadata: Metadata = { title: "Moderation log", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationLogPage({ searchParams }: Props) {
  const filter = logFilterSchema.parse(await searchParams);
  const { entries, nextBefore } = await loadStaffPage("/moderate/log", (actor) => listModerationLog(actor, filter));
  return (
    <>
      <h1>Moderation log</h1>
      <p className="lead">Every moderation action, newest first: who, what, when, before and after, and why.</p>
      <LogFilters filter={filter} />
      <ActionPanel action={moderate}>
        {entries.length === 0 ? <p>No actions match these filters.</p> : <LogTable entries={entries} />}
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
