import { getCurrentUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { deleteHistoryEvent, updateHistoryEvent } from "@/lib/history/curation";
import { getHistoryEventForEditing } from "@/lib/history/queries";
import { historyEventFieldsSchema, historyEventRefSchema } from "@/lib/history/schema";

type Context = { params: Promise<{ id: string }> };

const eventId = async ({ params }: Context) => parseInput(historyEventRefSchema, { id: (await params).id }).id;

export const GET = route<Context>(async (_request, context) =>
  json({ event: await getHistoryEventForEditing(await getCurrentUser(), await eventId(context)) }),
);

export const PUT = route<Context>(async (request, context) => {
  const fields = await readJsonBody(request, historyEventFieldsSchema);
  return json({ event: await updateHistoryEvent(await getCurrentUser(), await eventId(context), fields) });
});

export const DELETE = route<Context>(async (request, context) => {
  assertSameOrigin(request);
  await deleteHistoryEvent(await getCurrentUser(), await eventId(context));
  return json({ deleted: true });
});
