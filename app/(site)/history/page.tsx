import type { Metadata } from "next";
import Link from "next/link";
import { listDaysWithEvents } from "@/lib/history/queries";
import { formatMonthDayName, formatMonthDaySlug } from "@/lib/calendar";

export const metadata: Metadata = { title: "This day in history" };

export default async function HistoryIndexPage() {
  const days = await listDaysWithEvents();
  return (
    <>
      <h1>This day in history</h1>
      <p className="lead">Pick a day to see what happened on it.</p>
      <ul className="history-days">
        {days.map((day) => (
          <li key={formatMonthDaySlug(day)}>
            <Link href={`/history/${formatMonthDaySlug(day)}`}>{formatMonthDayName(day)}</Link>{" "}
            <span className="muted">({day.count})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
