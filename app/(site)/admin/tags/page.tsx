import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listTagsForEditors } from "@/lib/tags/queries";
import { tagListSchema, type TagListQuery } from "@/lib/tags/schema";
import { DoneNotice } from "@/components/curation/done-notice";
import { TagForm } from "@/components/curation/tag-form";
import { TagTable } from "@/components/curation/tag-table";
import { createTagFromForm } from "./actions";

export const metadata: Metadata = { title: "Tags — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminTagsPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = tagListSchema.parse(params);
  const list = await loadStaffPage(`/admin/tags?${pageQuery(query, query.page)}`, (actor) => listTagsForEditors(actor, query));
  return (
    <>
      <h1>Tags</h1>
      <p className="lead">
        Tags link articles on the same subject. Editors also add tags as they write; deleting one takes it off its articles.
      </p>
      <DoneNotice done={params.done} what="Tag" />
      <form method="get" action="/admin/tags" className="log-filters" aria-label="Find tags">
        <label>
          Name or slug
          <input type="search" name="q" defaultValue={query.q} />
        </label>
        <button type="submit">Find</button>
      </form>
      <p role="status">
        {list.total} tag{list.total === 1 ? "" : "s"}
        {list.pages > 1 && ` — page ${list.page} of ${list.pages}`}
      </p>
      <TagTable tags={list.tags} />
      <nav className="post-pagination" aria-label="Tag list pages">
        {list.page > 1 && <Link href={`/admin/tags?${pageQuery(query, list.page - 1)}`}>Previous page</Link>}
        {list.page < list.pages && <Link href={`/admin/tags?${pageQuery(query, list.page + 1)}`}>Next page</Link>}
      </nav>
      <h2>New tag</h2>
      <TagForm action={createTagFromForm} />
    </>
  );
}

function pageQuery(query: TagListQuery, page: number): string {
  const search = new URLSearchParams({ page: String(page) });
  if (query.q) search.set("q", query.q);
  return search.toString();
}
