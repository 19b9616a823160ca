import { requireRole } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { moderatePost } from "@/lib/moderation/actions";
import { postActionRequestSchema, postActionSchema } from "@/lib/moderation/schema";

type Context = { params: Promise<{ id: string }> };

/**
 * Approve, reject, mark as spam, delete or restore one post:
 * `{action, reason?, version?}`. With `version`, a post changed since answers 409.
 */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireRole("moderator");
  const body = await readJsonBody(request, postActionRequestSchema);
  const input = parseInput(postActionSchema, { ...body, commentId: (await params).id });
  const { post } = await moderatePost(actor, input);
  return json({ post });
});
