import Link from "next/link";

/** Links to fixed pages of posts; the newest page is the article's default view. */
export function PostPagination({ slug, page, pages }: { slug: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => (p === pages ? `/articles/${slug}#discussion` : `/articles/${slug}?page=${p}#discussion`);
  return (
    <nav className="post-pagination" aria-label="Discussion pages">
      {page < pages && <Link href={href(page + 1)}>Newer posts</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page > 1 && <Link href={href(page - 1)}>Older posts</Link>}
    </nav>
  );
}
