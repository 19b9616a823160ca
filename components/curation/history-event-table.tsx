import Link from "next/link";

type Row = { id: number; year: number; title: string; text: string };

/** One day's events, oldest first, each linked to its editor. */
export function HistoryEventTable({ events, dayName }: { events: Row[]; dayName: string }) {
  if (events.length === 0) return <p>Nothing is listed for {dayName} yet.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col">Event</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{event.year}</td>
            <td>
              <Link href={`/admin/history/${event.id}`}>{event.title}</Link>
              <br />
              <small>{event.text}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
