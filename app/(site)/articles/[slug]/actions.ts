"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { hashIp } from "@/lib/client-key";
import { clientIp } from "@/lib/http";
import { formError } from "@/lib/forms";
import { parseInput } from "@/lib/validation";
import { commentFormInput, newCommentSchema } from "@/lib/comments/schema";
import { postComment, type PostedComment } from "@/lib/comments/post-comment";
import { rememberGuestPost } from "@/lib/comments/receipt";
import type { CommentFormState } from "@/components/discussion/comment-form-state";

/**
 * "Post your comments", with or without JavaScript. Same schema and the same
 * postComment as the JSON API. On success it redirects (post/redirect/get):
 * a visible post to its place on the article; a held post, when the browser
 * runs no script, to the poster's own "awaiting moderation" page. With script,
 * a held post is answered in place and the page shows it from /comments/mine.
 */
export async function postCommentFromForm(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const slug = String(formData.get("slug") ?? "");
  const values = commentFormInput(formData);
  let posted: PostedComment;
  try {
    const input = parseInput(newCommentSchema, values);
    const actor = await getCurrentUser();
    posted = await postComment(slug, input, actor, { ipHash: hashIp(clientIp({ headers: await headers() })) });
    if (!actor) await rememberGuestPost(posted.id);
  } catch (error) {
    return { status: "error", ...formError(error), values: { body: values.body, anonymous: values.anonymous } };
  }
  const article = `/articles/${encodeURIComponent(slug)}`;
  if (posted.number !== null) {
    // Without this the browser's router sees a hash-only change and keeps the old list.
    revalidatePath(article);
    redirect(`${article}#post-${posted.number}`);
  }
  if (formData.get("enhanced") !== "1") redirect(`${article}/posted`);
  return { status: "done", message: "Thank you. Your post is awaiting moderation; it will appear once a moderator approves it." };
}
