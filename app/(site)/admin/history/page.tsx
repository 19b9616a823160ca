import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { formatMonthDayName, formatMonthDaySlug, monthDayOf } from "@/lib/calendar";
import { listEventsForEditors } from "@/lib/history/queries";
import { historyDaySchema, monthName } from "@/lib/history/schema";
import { DoneNotice } from "@/components/curation/done-notice";
import { HistoryEventForm } from "@/components/curation/history-event-form";
import { HistoryEventTable } from "@/components/curation/history-event-table";
import { createHistoryEventFromForm } from "./actions";

export const metadata: Metadata = { title: "This day in history — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminHistoryPage({ searchParams }: Props) {
  const params = await searchParams;
  const day = historyDaySchema.parse(params) ?? monthDayOf(new Date());
  const events = await loadStaffPage(`/admin/history?month=${day.month}&day=${day.day}`, (actor) =>
    listEventsForEditors(actor, day),
  );
  const name = formatMonthDayName(day);
  return (
    <>
      <h1>This day in history</h1>
      <p className="lead">
        The sidebar shows one of the day&apos;s events; each day&apos;s page lists them all. Showing{" "}
        <Link href={`/history/${formatMonthDaySlug(day)}`}>{name}</Link>.
      </p>
      <DoneNotice done={params.done} what="Event" />
      <form method="get" action="/admin/history" className="log-filters" aria-label="Choose a day">
        <label>
          Month
          <select name="month" defaultValue={day.month}>
            {Array.from({ length: 12 }, (_, index) => (
              <option key={index} value={index + 1}>
                {monthName(index + 1)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Day
          <input type="text" inputMode="numeric" name="day" size={3} defaultValue={day.day} />
        </label>
        <button type="submit">Show</button>
      </form>
      <HistoryEventTable events={events} dayName={name} />
      <h2>New event</h2>
      <HistoryEventForm action={createHistoryEventFromForm} day={day} />
    </>
  );
}
