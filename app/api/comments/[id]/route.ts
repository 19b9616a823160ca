import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { editCommentSchema, parseCommentId } from "@/lib/discussion/schema";
import { deleteOwnComment, editOwnComment } from "@/lib/discussion/change-own-comment";

type Context = { params: Promise<{ id: string }> };

/** The author edits their post (JSON {body}) within 15 minutes of posting. */
export const PATCH = route(async (request: Request, context: Context) => {
  const id = parseCommentId((await context.params).id);
  const input = await readJsonBody(request, editCommentSchema);
  return json(await editOwnComment(id, input, await requireUser()));
});

/**
 * The author deletes their post within 15 minutes of posting. There is no
 * body to check the type of; the same-origin check is what stops other sites.
 */
export const DELETE = route(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const id = parseCommentId((await context.params).id);
  return json(await deleteOwnComment(id, await requireUser()));
});
