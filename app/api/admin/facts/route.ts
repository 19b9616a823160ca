import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { createFact } from "@/lib/facts/curation";
import { listFactsForEditors } from "@/lib/facts/queries";
import { factFieldsSchema } from "@/lib/facts/schema";

/** Every "did you know" fact, newest first. */
export const GET = route(async () => json({ facts: await listFactsForEditors(await getCurrentUser()) }));

/** A new fact: `{title, slug?, summary, body}` (body in Markdown). Answers 201. */
export const POST = route(async (request) => {
  const fields = await readJsonBody(request, factFieldsSchema);
  return json({ fact: await createFact(await getCurrentUser(), fields) }, 201);
});
