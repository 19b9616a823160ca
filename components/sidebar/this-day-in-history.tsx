import Link from "next/link";
import { formatMonthDayName, formatMonthDaySlug, type MonthDay } from "@/lib/calendar";

export function ThisDayInHistory({
  today,
  event,
}: {
  today: MonthDay;
  event: { year: number; title: string; text: string } | null;
}) {
  const dayName = formatMonthDayName(today);
  return (
    <section className="sidebar-box" aria-labelledby="this-day-heading">
      <h2 id="this-day-heading">This day in history</h2>
      <p className="sidebar-box__date">{dayName}</p>
      {event ? (
        <p data-testid="todays-event">
          <strong>{event.year}:</strong> {event.text}{" "}
          <Link href={`/history/${formatMonthDaySlug(today)}`} aria-label={`More events on ${dayName}`}>
            more...
          </Link>
        </p>
      ) : (
        <p>
          Nothing recorded for {dayName} yet.{" "}
          <Link href="/history" aria-label="Browse other days in history">
            more...
          </Link>
        </p>
      )}
    </section>
  );
}
