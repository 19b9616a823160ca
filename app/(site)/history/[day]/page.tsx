import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listEventsOn } from "@/lib/history/queries";
import { formatMonthDayName, parseMonthDay } from "@/lib/calendar";

type Props = { params: Promise<{ day: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = parseMonthDay((await params).day);
  return { title: day ? `${formatMonthDayName(day)} in history` : "Day not found" };
}

export default async function HistoryDayPage({ params }: Props) {
  const day = parseMonthDay((await params).day);
  if (!day) notFound();
  const events = await listEventsOn(day);
  const name = formatMonthDayName(day);
  return (
    <>
      <h1>{name} in history</h1>
      {events.length === 0 ? (
        <p>
          We have not written up anything for {name} yet. <Link href="/history">Browse other days</Link>.
        </p>
      ) : (
        <ol className="history-events">
          {events.map((event) => (
            <li key={event.id}>
              <h2>
                <span className="history-events__year">{event.year}</span> {event.title}
              </h2>
              <p>{event.text}</p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href="/history">All days</Link>
      </p>
    </>
  );
}
