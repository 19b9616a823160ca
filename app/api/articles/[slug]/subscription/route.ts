import { getCurrentUser } from "@/lib/auth/session";
import { NotFound } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { getDiscussionArticle } from "@/lib/discussion/queries";
import { isReaderSubscribed } from "@/lib/subscriptions/subscriptions";

/** Whether the signed-in asker follows this discussion (false for a guest). Personal, so never cached. */
export const GET = route(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const article = await getDiscussionArticle((await params).slug);
  if (!article) throw new NotFound("We could not find that article.");
  const user = await getCurrentUser();
  return json({ following: user ? await isReaderSubscribed(user.id, article.slug) : false });
});
