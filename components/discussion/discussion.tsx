import { listApprovedPosts } from "@/lib/discussion/queries";
import { PostList } from "./post-list";
import { PostPagination } from "./post-pagination";
import { DiscussionViewer } from "./viewer";
import { MyPendingPosts } from "./my-pending-posts";
import { toPostView } from "./post-view";

/**
 * "Discuss this Article": the public, approved posts, newest first. The
 * reader's own posts awaiting moderation are added by the browser, above the
 * newest page's posts.
 */
export async function Discussion({
  article,
  page,
  pages,
  children,
}: {
  article: { id: number; slug: string; discussionOpen: boolean };
  page: number;
  pages: number;
  children?: React.ReactNode;
}) {
  const posts = await listApprovedPosts(article.id, page);
  return (
    <section className="discussion" id="discussion" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discuss this Article</h2>
      {!article.discussionOpen && (
        <p className="notice">Discussion of this article is closed. You can still read what readers wrote.</p>
      )}
      <DiscussionViewer slug={article.slug}>
        <PostPagination slug={article.slug} page={page} pages={pages} />
        {page === pages && <MyPendingPosts />}
        <PostList posts={posts.map(toPostView)} />
        <PostPagination slug={article.slug} page={page} pages={pages} />
        {children}
      </DiscussionViewer>
    </section>
  );
}
