import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { restoreRevision } from "@/lib/editorial/revisions";
import { restoreRevisionSchema } from "@/lib/editorial/schema";

type Context = { params: Promise<{ id: string; number: string }> };

/** Restores revision `number` as a new revision: `{baseRevision}`, the latest, as for any save. */
export const POST = route<Context>(async (request, { params }) => {
  const body = await readJsonBody(request, restoreRevisionSchema.pick({ baseRevision: true }));
  const { id, number } = await params;
  const input = parseInput(restoreRevisionSchema, { ...body, articleId: id, number });
  return json({ article: await restoreRevision(await getCurrentUser(), input) });
});
