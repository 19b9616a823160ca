import { getCurrentUser } from "@/lib/auth/session";
import { hashIp } from "@/lib/client-key";
import { NotFound, ValidationError } from "@/lib/errors";
import { clientIp, json, readJsonBody, route } from "@/lib/http";
import { newCommentSchema } from "@/lib/discussion/schema";
import { postComment } from "@/lib/discussion/post-comment";
import { rememberGuestPost } from "@/lib/discussion/receipt";
import { getDiscussionArticle, listApprovedPosts, pageCount, parsePageNumber, type PublicPost } from "@/lib/discussion/queries";

type Context = { params: Promise<{ slug: string }> };

/**
 * The article's approved posts as JSON, newest first, in the same fixed pages
 * of 50 as the article page (?page=1 is Posts 1-50); no page means the newest.
 */
export const GET = route(async (request: Request, { params }: Context) => {
  const article = await getDiscussionArticle((await params).slug);
  if (!article) throw new NotFound("We could not find that article.");
  const pages = pageCount(article.nextPostNumber);
  const asked = new URL(request.url).searchParams.get("page");
  const page = asked === null ? pages : parsePageNumber(asked);
  if (page === null || page > pages) {
    const message = `Ask for a page from 1 to ${pages}.`;
    throw new ValidationError(message, { page: [message] });
  }
  const posts = await listApprovedPosts(article.id, page);
  return json({
    article: { slug: article.slug, title: article.title, discussionOpen: article.discussionOpen },
    page,
    pages,
    posts: posts.map(publicPostJson),
  });
});

/**
 * Posts a comment: JSON {body, anonymous?}; answers 201 {id, status, number}.
 * A guest's response also carries the signed receipt that lets this browser
 * see its own post while it awaits moderation.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const input = await readJsonBody(request, newCommentSchema);
  const actor = await getCurrentUser();
  const posted = await postComment(slug, input, actor, { ipHash: hashIp(clientIp(request)) });
  if (!actor) await rememberGuestPost(posted.id);
  return json({ id: posted.id, status: posted.status, number: posted.number }, 201);
});

function publicPostJson(post: PublicPost) {
  return {
    id: post.id,
    number: post.number,
    posterName: post.posterName,
    body: post.body,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    /** Each linked @name and the post number it points to. */
    mentions: Object.fromEntries(post.mentionTargets),
  };
}
