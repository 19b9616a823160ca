import { getCurrentUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { deleteFact, updateFact } from "@/lib/facts/curation";
import { getFactForEditing } from "@/lib/facts/queries";
import { factFieldsSchema, factRefSchema } from "@/lib/facts/schema";

type Context = { params: Promise<{ id: string }> };

const factId = async ({ params }: Context) => parseInput(factRefSchema, { id: (await params).id }).id;

export const GET = route<Context>(async (_request, context) =>
  json({ fact: await getFactForEditing(await getCurrentUser(), await factId(context)) }),
);

export const PUT = route<Context>(async (request, context) => {
  const fields = await readJsonBody(request, factFieldsSchema);
  return json({ fact: await updateFact(await getCurrentUser(), await factId(context), fields) });
});

export const DELETE = route<Context>(async (request, context) => {
  assertSameOrigin(request);
  await deleteFact(await getCurrentUser(), await factId(context));
  return json({ deleted: true });
});
