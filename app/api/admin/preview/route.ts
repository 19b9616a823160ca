import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { renderArticlePreview } from "@/lib/editorial/preview";
import { MAX_ARTICLE_JSON_BYTES, previewSchema } from "@/lib/editorial/schema";

/**
 * The editor's live preview: `{body}` (Markdown) rendered to HTML by the same
 * function the public article page uses, so what the editor sees is what
 * readers get, sanitized the same way. A POST only because the text is long.
 */
export const POST = route(async (request) => {
  const { body } = await readJsonBody(request, previewSchema, MAX_ARTICLE_JSON_BYTES);
  return json({ html: renderArticlePreview(await getCurrentUser(), body) });
});
