import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { formatDateTime } from "@/lib/calendar";
import { editorChoices, listArticlesForEditors } from "@/lib/editorial/queries";
import { articleListSchema, type ArticleListQuery } from "@/lib/editorial/schema";
import { StatusBadge } from "@/components/editorial/status-badge";

export const metadata: Metadata = { title: "Articles — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminArticlesPage({ searchParams }: Props) {
  const query = articleListSchema.parse(await searchParams);
  const { list, choices } = await loadStaffPage(`/admin?${listQuery(query, query.page)}`, async (actor) => ({
    list: await listArticlesForEditors(actor, query),
    choices: await editorChoices(actor),
  }));
  return (
    <>
      <h1>Articles</h1>
      <p className="lead">
        Every article, most recently changed first. <Link href="/admin/articles/new">Write a new article</Link>.
      </p>
      <form method="get" action="/admin" className="log-filters" aria-label="Filter the articles">
        <label>
          Status
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any (not in the bin)</option>
            <option value="DRAFT">Draft</option>
            <option value="SCHEDULED">Scheduled</option>
            <option value="PUBLISHED">Published</option>
            <option value="DELETED">In the bin</option>
          </select>
        </label>
        <label>
          Category
          <select name="categoryId" defaultValue={query.categoryId ?? ""}>
            <option value="">Any</option>
            {choices.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select name="authorId" defaultValue={query.authorId ?? ""}>
            <option value="">Anyone</option>
            {choices.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName ?? person.username}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text
          <input type="search" name="q" defaultValue={query.q} placeholder="Title, summary or address" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p role="status">
        {list.total} article{list.total === 1 ? "" : "s"}
        {list.pages > 1 && ` — page ${list.page} of ${list.pages}`}
      </p>
      {list.articles.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Category</th>
              <th scope="col">Author</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {list.articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/admin/articles/${article.id}`}>{article.title}</Link>
                  <br />
                  <small>/articles/{article.slug}</small>
                </td>
                <td>
                  <StatusBadge article={article} />
                </td>
                <td>{article.category.name}</td>
                <td>{article.author.displayName ?? article.author.username}</td>
                <td>{formatDateTime(article.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="post-pagination" aria-label="Article list pages">
        {list.page > 1 && <Link href={`/admin?${listQuery(query, list.page - 1)}`}>Previous page</Link>}
        {list.page < list.pages && <Link href={`/admin?${listQuery(query, list.page + 1)}`}>Next page</Link>}
      </nav>
    </>
  );
}

function listQuery(query: ArticleListQuery, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page }))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
}
