import Link from "next/link";

export function discussionPageHref(slug: string, page: number, pages: number): string {
  return page >= pages ? `/articles/${slug}#discussion` : `/articles/${slug}/posts/${page}#discussion`;
}

/** Links to fixed pages of posts; the newest page is the article's default view. */
export function PostPagination({ slug, page, pages }: { slug: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav className="post-pagination" aria-label="Discussion pages">
      {page < pages && <Link href={discussionPageHref(slug, page + 1, pages)}>Newer posts</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page > 1 && <Link href={discussionPageHref(slug, page - 1, pages)}>Older posts</Link>}
    </nav>
  );
}
