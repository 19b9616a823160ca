import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { autosaveArticle } from "@/lib/editorial/autosave";
import { autosaveSchema, MAX_ARTICLE_JSON_BYTES } from "@/lib/editorial/schema";

type Context = { params: Promise<{ id: string }> };

/** Keeps the editor's unsaved text: `{baseRevision, draft: {title, summary, body, tags?, slug?}}`. */
export const PUT = route<Context>(async (request, { params }) => {
  const body = await readJsonBody(request, autosaveSchema.omit({ articleId: true }), MAX_ARTICLE_JSON_BYTES);
  const input = parseInput(autosaveSchema, { ...body, articleId: (await params).id });
  return json(await autosaveArticle(await getCurrentUser(), input));
});
