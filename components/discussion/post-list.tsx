import type { PublicPost } from "@/lib/comments/queries";
import { formatDate } from "@/lib/calendar";
import { PostBody } from "./post-body";

export function PostList({ posts }: { posts: PublicPost[] }) {
  if (posts.length === 0) {
    return <p className="muted">No one has posted yet. Be the first to share your thoughts.</p>;
  }
  return (
    <ol className="post-list" reversed>
      {posts.map((post) => (
        <li key={post.id} id={`post-${post.number}`} className="post" data-post-number={post.number}>
          <header className="post__header">
            <h3 className="post__number">
              <a href={`#post-${post.number}`}>Post {post.number}</a>
            </h3>
            <span className="post__poster">{post.posterName}</span>
            <time className="post__time" dateTime={post.createdAt.toISOString()}>
              {formatDate(post.createdAt)}
            </time>
            {post.editedAt && <span className="post__edited">(edited)</span>}
          </header>
          <PostBody body={post.body} mentionTargets={post.mentionTargets} />
        </li>
      ))}
    </ol>
  );
}
