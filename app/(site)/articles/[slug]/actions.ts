"use server";
import { z } from "zod";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { hashIp } from "@/lib/client-key";
import { actionClientIp, formAction } from "@/lib/forms";
import { parseInput } from "@/lib/validation";
import { commentFormInput, newCommentSchema } from "@/lib/discussion/schema";
import { postComment } from "@/lib/discussion/post-comment";
import { rememberGuestPost } from "@/lib/discussion/receipt";
import { guestSubscriptionSchema } from "@/lib/subscriptions/schema";
import { GUEST_SUBSCRIBE_ANSWER, subscribeGuest, subscribeReader, unsubscribeReader } from "@/lib/subscriptions/subscriptions";

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
export const postCommentFromForm = formAction(readCommentForm, async ({ slug, input }, { actor, form }) => {
  const posted = await postComment(slug, input, actor, { ipHash: hashIp(await actionClientIp()) });
  if (!actor) await rememberGuestPost(posted.id);
  // "Email me new posts in this discussion" beside the post (for a signed-in reader; guests use the follow box).
  if (actor && form.get("follow") === "on") await subscribeReader(actor.id, slug);
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

const followForm = z.object({
  slug: z.string({ error: "Reload the article and try again." }).min(1).max(200),
  email: z.string().max(400).optional(),
  stop: z.literal("1").optional(),
});

/**
 * "Email me new posts in this discussion". A signed-in reader follows (or
 * stops) in one click; a guest gives an address and is sent a link to
 * confirm it first, with the same answer whatever the address.
 */
export const followDiscussionFromForm = formAction(followForm, async ({ slug, email, stop }, { actor }) => {
  if (actor && stop) {
    await unsubscribeReader(actor.id, slug);
    return { message: "You will get no more emails about this discussion.", following: false };
  }
  if (actor) {
    await subscribeReader(actor.id, slug);
    return {
      message: "Done: you will get an email when there are new posts here, at most one every 15 minutes.",
      following: true,
    };
  }
  await subscribeGuest(slug, parseInput(guestSubscriptionSchema, { email }), await actionClientIp());
  return { message: GUEST_SUBSCRIBE_ANSWER, following: false };
});
