import { getCurrentUser } from "@/lib/auth/session";
import { hashIp } from "@/lib/client-key";
import { clientIp, json, readJsonBody, route } from "@/lib/http";
import { parseCommentId, reportSchema } from "@/lib/discussion/schema";
import { reportComment } from "@/lib/discussion/report-comment";

/** Any reader reports a visible post to the moderators (JSON {reason}), once. */
export const POST = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseCommentId((await params).id);
  const input = await readJsonBody(request, reportSchema);
  const report = await reportComment(id, input, await getCurrentUser(), { ipHash: hashIp(clientIp(request)) });
  return json({ id: report.id, message: "Thank you. A moderator will look at this post." }, 201);
});
