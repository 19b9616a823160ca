"use server";

import { formAction } from "@/lib/forms";
import { createHistoryEvent, deleteHistoryEvent, updateHistoryEvent } from "@/lib/history/curation";
import { historyEventFieldsSchema, historyEventRefSchema, historyEventUpdateSchema } from "@/lib/history/schema";

// Public endpoints: the schemas and lib/history jobs of /api/admin/history; the jobs check the actor.

const dayPage = (event: { month: number; day: number }, done: string) =>
  `/admin/history?month=${event.month}&day=${event.day}&done=${done}`;

export const createHistoryEventFromForm = formAction(historyEventFieldsSchema, async (fields, { actor }) => {
  const event = await createHistoryEvent(actor, fields);
  return { message: `Added “${event.title}”.`, redirectTo: dayPage(event, "created") };
});

export const updateHistoryEventFromForm = formAction(historyEventUpdateSchema, async ({ id, ...fields }, { actor }) => {
  const event = await updateHistoryEvent(actor, id, fields);
  return { message: `Saved “${event.title}”.`, redirectTo: dayPage(event, "saved") };
});

export const deleteHistoryEventFromForm = formAction(historyEventRefSchema, async ({ id }, { actor }) => {
  const event = await deleteHistoryEvent(actor, id);
  return { message: "Event deleted.", redirectTo: dayPage(event, "deleted") };
});
