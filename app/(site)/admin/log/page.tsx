import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listAuditEvents } from "@/lib/audit/events";
import { AUDIT_SUBJECTS, SUBJECT_LABELS, auditFilterSchema } from "@/lib/audit/schema";
import { AuditLogTable } from "@/components/admin/audit-log-table";

export const metadata: Metadata = { title: "Audit log — back office", robots: { index: false } };

const PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const filter = auditFilterSchema.parse(await searchParams);
  const entries = await loadStaffPage("/admin/log", (actor) =>
    listAuditEvents(actor, { subjectType: filter.subject, before: filter.before, take: PER_PAGE }),
  );
  const older = new URLSearchParams();
  if (filter.subject) older.set("subject", filter.subject);
  if (entries.length === PER_PAGE) older.set("before", String(entries.at(-1)!.id));
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">Every change made in the back office, newest first: who made it, when, and what it changed.</p>
      <form method="get" action="/admin/log" className="log-filters" aria-label="Filter the log">
        <label>
          Changes to
          <select name="subject" defaultValue={filter.subject ?? ""}>
            <option value="">Anything</option>
            {AUDIT_SUBJECTS.map((subject) => (
              <option key={subject} value={subject}>
                {SUBJECT_LABELS[subject]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        <Link href="/admin/log">Clear</Link>
      </form>
      <AuditLogTable entries={entries} />
      {older.has("before") && <Link href={`/admin/log?${older}`}>Older entries</Link>}
    </>
  );
}
