import { getCurrentUser } from "@/lib/auth/session";
import { NotFound } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { getDiscussionArticle, listOwnPosts } from "@/lib/discussion/queries";
import { guestPostIds } from "@/lib/discussion/receipt";

/**
 * The asker's own posts on this article that the shared public page cannot
 * show them: those awaiting moderation, and those they may still edit. The
 * article page fills these in from the browser. Personal, so never cached.
 */
export const GET = route(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const article = await getDiscussionArticle((await params).slug);
  if (!article) throw new NotFound("We could not find that article.");
  const [user, receiptIds] = await Promise.all([getCurrentUser(), guestPostIds()]);
  return json({ posts: await listOwnPosts(article.id, { user, receiptIds }) });
});
