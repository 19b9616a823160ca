import Link from "next/link";

type Row = { id: number; slug: string; name: string; articleCount: number };

/** Tags, each linked to its editor, with how many articles carry it. */
export function TagTable({ tags }: { tags: Row[] }) {
  if (tags.length === 0) return <p>No tags match.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Slug</th>
          <th scope="col">Articles</th>
        </tr>
      </thead>
      <tbody>
        {tags.map((tag) => (
          <tr key={tag.id}>
            <td>
              <Link href={`/admin/tags/${tag.id}`}>{tag.name}</Link>
            </td>
            <td>{tag.slug}</td>
            <td>{tag.articleCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
