import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { deleteArticle, saveArticle } from "@/lib/editorial/articles";
import { getArticleForEditing } from "@/lib/editorial/queries";
import { articleRefSchema, MAX_ARTICLE_JSON_BYTES, saveArticleSchema } from "@/lib/editorial/schema";

type Context = { params: Promise<{ id: string }> };

const articleId = async ({ params }: Context) => parseInput(articleRefSchema, { articleId: (await params).id }).articleId;

/** One article as the editor opens it; `revision` is what a save must name as `baseRevision`. */
export const GET = route<Context>(async (_request, context) => {
  return json({ article: await getArticleForEditing(await getCurrentUser(), await articleId(context)) });
});

/**
 * A save: every field, `baseRevision`, and `intent` ("save", "publish",
 * "schedule" with `publishAt`, "unpublish"). A save based on an older revision
 * answers 409 naming who saved since, and changes nothing.
 */
export const PUT = route<Context>(async (request, context) => {
  const body = await readJsonBody(
    request,
    saveArticleSchema.omit({ articleId: true }).extend({ articleId: z.unknown().optional() }),
    MAX_ARTICLE_JSON_BYTES,
  );
  const input = parseInput(saveArticleSchema, { ...body, articleId: await articleId(context) });
  return json({ article: await saveArticle(await getCurrentUser(), input) });
});

/**
 * Moves the article to the bin (restorable with POST …/restore). Like every
 * DELETE here it takes no body, so it asks for no content type (a guest is
 * told to log in, not to send JSON): the same-origin check stops other sites.
 */
export const DELETE = route<Context>(async (request, context) => {
  assertSameOrigin(request);
  await deleteArticle(await getCurrentUser(), await articleId(context));
  return json({ deleted: true });
});
