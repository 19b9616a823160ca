import { getCurrentUser } from "@/lib/auth/session";
import { monthDayOf } from "@/lib/calendar";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { createHistoryEvent } from "@/lib/history/curation";
import { listEventsForEditors } from "@/lib/history/queries";
import { historyDaySchema, historyEventFieldsSchema } from "@/lib/history/schema";

/** One calendar day's events: `?month=&day=` (the site's today without them). */
export const GET = route(async (request) => {
  const day = parseInput(historyDaySchema, Object.fromEntries(new URL(request.url).searchParams));
  const shown = day ?? monthDayOf(new Date());
  return json({ ...shown, events: await listEventsForEditors(await getCurrentUser(), shown) });
});

/** A new event: `{month, day, year, title, text}`; a day that does not exist (February 30) answers 400. Answers 201. */
export const POST = route(async (request) => {
  const fields = await readJsonBody(request, historyEventFieldsSchema);
  return json({ event: await createHistoryEvent(await getCurrentUser(), fields) }, 201);
});
