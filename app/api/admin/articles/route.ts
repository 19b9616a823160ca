import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { createArticle } from "@/lib/editorial/articles";
import { listArticlesForEditors } from "@/lib/editorial/queries";
import { articleFieldsSchema, articleListSchema, MAX_ARTICLE_JSON_BYTES } from "@/lib/editorial/schema";

/** The back office's article list: `?status=&categoryId=&authorId=&q=&page=`, as /admin shows it. */
export const GET = route(async (request) => {
  const query = parseInput(articleListSchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listArticlesForEditors(await getCurrentUser(), query));
});

/** A new draft: `{title, summary, body, categoryId, authorId, tags?}`. Answers 201 with its id, slug and revision. */
export const POST = route(async (request) => {
  const fields = await readJsonBody(request, articleFieldsSchema, MAX_ARTICLE_JSON_BYTES);
  return json({ article: await createArticle(await getCurrentUser(), fields) }, 201);
});
