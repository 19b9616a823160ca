import type { PublicPost } from "@/lib/comments/queries";
import { formatDate } from "@/lib/calendar";
import { PostBody } from "./post-body";
import { PostTools } from "./post-tools";

const NO_MENTIONS: ReadonlyMap<string, number> = new Map();

type PostItemData = {
  number: number | null;
  posterName: string;
  body: string;
  createdAt: Date | string;
  editedAt: Date | string | null;
  mentionTargets?: ReadonlyMap<string, number>;
};

/**
 * One post. A pending one (the poster's own, shown only to them) is marked
 * "Awaiting moderation" instead of a number. Dates may arrive as JSON strings.
 */
export function PostItem({ post, pending = false, children }: { post: PostItemData; pending?: boolean; children?: React.ReactNode }) {
  const createdAt = new Date(post.createdAt);
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
        <time className="post__time" dateTime={createdAt.toISOString()}>
          {formatDate(createdAt)}
        </time>
        {post.editedAt && <span className="post__edited">(edited)</span>}
      </header>
      <PostBody body={post.body} mentionTargets={post.mentionTargets ?? NO_MENTIONS} />
      {children}
    </li>
  );
}

export function PostList({ posts }: { posts: PublicPost[] }) {
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
