import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { moderatePost } from "@/lib/moderation/actions";
import { postActionRequestSchema, postActionSchema } from "@/lib/moderation/schema";

type Context = { params: Promise<{ id: string }> };

/**
 * Approve, reject, mark as spam, delete or restore one post:
 * `{action, reason?, version?}`. With `version`, a post changed since answers 409.
 * The role is checked once, by moderatePost: its AuthenticationRequired and
 * Forbidden leave through errorResponse as 401 and 403.
 */
export const POST = route<Context>(async (request, { params }) => {
  const body = await readJsonBody(request, postActionRequestSchema);
  const input = parseInput(postActionSchema, { ...body, commentId: (await params).id });
  const { post } = await moderatePost(await getCurrentUser(), input);
  return json({ post });
});
