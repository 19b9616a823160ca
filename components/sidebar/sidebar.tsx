import { getFactOfTheDay } from "@/lib/facts/queries";
import { getTodaysEvent } from "@/lib/history/queries";
import { DidYouKnow } from "./did-you-know";
import { ThisDayInHistory } from "./this-day-in-history";

export async function Sidebar() {
  const [fact, { today, event }] = await Promise.all([getFactOfTheDay(), getTodaysEvent()]);
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <DidYouKnow fact={fact} />
      <ThisDayInHistory today={today} event={event} />
    </aside>
  );
}
