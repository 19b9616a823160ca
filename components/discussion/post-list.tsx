"use client";
import { PostBody } from "./post-body";
import { PostTools } from "./post-tools";
import type { PostView } from "./post-view";

/**
 * One post. A pending one (the poster's own, shown only to them) is marked
 * "Awaiting moderation" instead of a number.
 */
export function PostItem({ post, pending = false, children }: { post: PostView; pending?: boolean; children?: React.ReactNode }) {
  return (
    <li
      id={pending ? undefined : `post-${post.number}`}
      className={pending ? "post post--pending" : "post"}
      data-post-number={pending ? undefined : (post.number ?? undefined)}
    >
      <header className="post__header">
        {pending ? (
          <p className="post__status">Awaiting moderation</p>
        ) : (
          <h3 className="post__number">
            <a href={`#post-${post.number}`}>Post {post.number}</a>
          </h3>
        )}
        <span className="post__poster">{post.posterName}</span>
        <time className="post__time" dateTime={post.createdAt}>
          {post.dateText}
        </time>
        {post.edited && <span className="post__edited">(edited)</span>}
      </header>
      <PostBody body={post.body} mentionTargets={new Map(Object.entries(post.mentions))} />
      {children}
    </li>
  );
}

export function PostList({ posts }: { posts: PostView[] }) {
  if (posts.length === 0) {
    return <p className="muted">No one has posted yet. Be the first to share your thoughts.</p>;
  }
  return (
    <ol className="post-list" reversed>
      {posts.map((post) => (
        <PostItem key={post.id} post={post}>
          <PostTools postId={post.id} />
        </PostItem>
      ))}
    </ol>
  );
}
