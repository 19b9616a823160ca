import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { compareRevisions, listRevisions } from "@/lib/editorial/revisions";
import { articleRefSchema, compareQuerySchema } from "@/lib/editorial/schema";

type Context = { params: Promise<{ id: string }> };

/** Every revision of the article; with `?from=&to=`, the diff between those two instead. */
export const GET = route<Context>(async (request, { params }) => {
  const actor = await getCurrentUser();
  const { articleId } = parseInput(articleRefSchema, { articleId: (await params).id });
  const search = new URL(request.url).searchParams;
  if (search.has("from") || search.has("to")) {
    const { from, to } = parseInput(compareQuerySchema, Object.fromEntries(search));
    return json(await compareRevisions(actor, articleId, from, to));
  }
  return json(await listRevisions(actor, articleId));
});
