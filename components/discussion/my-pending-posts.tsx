"use client";
import { PostItem } from "./post-list";
import { PostTools } from "./post-tools";
import { useViewer } from "./viewer";
import { toPostView } from "./post-view";

/**
 * The reader's own posts awaiting moderation, at the top of the thread. Only
 * the browser knows them (from /comments/mine); the shared page never does.
 */
export function MyPendingPosts() {
  const pending = useViewer().posts.filter((post) => post.status === "pending");
  if (pending.length === 0) return null;
  return (
    <ol className="post-list" aria-label="Your posts awaiting moderation">
      {pending.map((post) => (
        <PostItem key={post.id} post={toPostView(post)} pending>
          <PostTools postId={post.id} />
        </PostItem>
      ))}
    </ol>
  );
}
