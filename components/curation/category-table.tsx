import Link from "next/link";

type Row = { id: number; slug: string; name: string; description: string; articleCount: number };

/** The categories, each linked to its editor, with how many articles it holds. */
export function CategoryTable({ categories }: { categories: Row[] }) {
  if (categories.length === 0) return <p>There are no categories yet.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Address</th>
          <th scope="col">Articles</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((category) => (
          <tr key={category.id}>
            <td>
              <Link href={`/admin/categories/${category.id}`}>{category.name}</Link>
            </td>
            <td>
              <Link href={`/categories/${category.slug}`}>/categories/{category.slug}</Link>
            </td>
            <td>{category.articleCount}</td>
            <td>{category.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
