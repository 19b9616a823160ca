import Link from "next/link";
import type { ArticlePageData } from "@/lib/articles/queries";
import { formatDate } from "@/lib/calendar";
import { PublicationDay } from "./publication-day";

function PersonLink({ person }: { person: { username: string; displayName: string | null } }) {
  return <Link href={`/authors/${person.username}`}>{person.displayName ?? person.username}</Link>;
}

/** The "Article Details" box: who wrote and edited it, when it last changed, whose copyright. */
export function ArticleDetails({
  article,
}: {
  article: Pick<ArticlePageData, "author" | "editor" | "updatedAt" | "publishedAt" | "copyrightHolder">;
}) {
  return (
    <section className="article-details" aria-labelledby="article-details-heading">
      <h2 id="article-details-heading">Article Details</h2>
      <dl>
        <div>
          <dt>Written By</dt>
          <dd>
            <PersonLink person={article.author} />
          </dd>
        </div>
        <div>
          <dt>Edited By</dt>
          <dd>{article.editor ? <PersonLink person={article.editor} /> : "Quire Editorial Team"}</dd>
        </div>
        <div>
          <dt>Last Modified Date</dt>
          <dd>
            <time dateTime={article.updatedAt.toISOString()}>{formatDate(article.updatedAt)}</time>
          </dd>
        </div>
        <PublicationDay publishedAt={article.publishedAt} />
      </dl>
      <p className="article-details__copyright">
        Copyright © {(article.publishedAt ?? article.updatedAt).getUTCFullYear()} {article.copyrightHolder}. All rights reserved.
      </p>
    </section>
  );
}
