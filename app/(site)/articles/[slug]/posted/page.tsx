import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getDiscussionArticle, listOwnPosts } from "@/lib/discussion/queries";
import { guestPostIds } from "@/lib/discussion/receipt";
import { PostItem } from "@/components/discussion/post-list";
import { toPostView } from "@/components/discussion/post-view";

export const metadata: Metadata = { title: "Your post", robots: { index: false } };

/**
 * Where the comment form sends a browser without JavaScript after a post that
 * waits for moderation. Personal (it reads the session and the guest's
 * receipt), so unlike the article page it differs per reader and is never cached.
 */
export default async function PostedPage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await getDiscussionArticle((await params).slug);
  if (!article) notFound();
  const [user, receiptIds] = await Promise.all([getCurrentUser(), guestPostIds()]);
  const pending = (await listOwnPosts(article.id, { user, receiptIds })).filter((post) => post.status === "pending");

  return (
    <div className="posted">
      <h1>{pending.length > 0 ? "Thank you for posting" : "Nothing awaiting moderation"}</h1>
      {pending.length > 0 ? (
        <>
          <p className="form-success">
            Your post is awaiting moderation. It will appear in the discussion of “{article.title}” once a moderator approves it;
            until then only you can see it.
          </p>
          <ol className="post-list" aria-label="Your posts awaiting moderation">
            {pending.map((post) => (
              <PostItem key={post.id} post={toPostView(post)} pending />
            ))}
          </ol>
        </>
      ) : (
        <p>You have no posts on “{article.title}” waiting for a moderator.</p>
      )}
      <p>
        <Link href={`/articles/${article.slug}#discussion`}>Back to the discussion of “{article.title}”</Link>
      </p>
    </div>
  );
}
