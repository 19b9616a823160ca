"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { hashIp } from "@/lib/client-key";
import { actionClientIp, formAction } from "@/lib/forms";
import { parseInput } from "@/lib/validation";
import { commentFormInput, newCommentSchema } from "@/lib/discussion/schema";
import { postComment } from "@/lib/discussion/post-comment";
import { rememberGuestPost } from "@/lib/discussion/receipt";

/** The article's slug travels with the post as a form field; the schema checks the rest. */
function readCommentForm(form: FormData) {
  return { slug: String(form.get("slug") ?? ""), input: parseInput(newCommentSchema, commentFormInput(form)) };
}

/**
 * "Post your comments", with or without JavaScript. Same schema and the same
 * postComment as the JSON API. A visible post redirects to its place on the
 * article (post/redirect/get, with script too). A held post sends a browser
 * without script to the poster's own "awaiting moderation" page; with script
 * it is answered in place and the page shows it from /comments/mine.
 */
export const postCommentFromForm = formAction(readCommentForm, async ({ slug, input }, { actor }) => {
  const posted = await postComment(slug, input, actor, { ipHash: hashIp(await actionClientIp()) });
  if (!actor) await rememberGuestPost(posted.id);
  const article = `/articles/${encodeURIComponent(slug)}`;
  if (posted.number !== null) {
    // Without this the browser's router sees a hash-only change and keeps the old list.
    revalidatePath(article);
    redirect(`${article}#post-${posted.number}`);
  }
  return {
    message: "Thank you. Your post is awaiting moderation; it will appear once a moderator approves it.",
    redirectTo: `${article}/posted`,
  };
});
