import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getNeighbourDays, listEventsOn } from "@/lib/history/queries";
import { formatMonthDayName, formatMonthDaySlug, parseMonthDay, type MonthDay } from "@/lib/calendar";
import { PreviousNextLinks } from "@/components/site/previous-next-links";

type Props = { params: Promise<{ day: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = parseMonthDay((await params).day);
  return { title: day ? `${formatMonthDayName(day)} in history` : "Day not found" };
}

export default async function HistoryDayPage({ params }: Props) {
  const day = parseMonthDay((await params).day);
  if (!day) notFound();
  const [events, { previous, next }] = await Promise.all([listEventsOn(day), getNeighbourDays(day)]);
  const name = formatMonthDayName(day);
  const link = (neighbour: MonthDay | null) =>
    neighbour && { href: `/history/${formatMonthDaySlug(neighbour)}`, text: formatMonthDayName(neighbour) };
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
      <PreviousNextLinks label="Other days in history" previous={link(previous)} next={link(next)} />
      <p>
        <Link href="/history">All days</Link>
      </p>
    </>
  );
}
