import Link from "next/link";
import { formatDate } from "@/lib/calendar";

type Row = { id: number; slug: string; title: string; summary: string; createdAt: Date };

/** "Did you know" facts, newest first, each linked to its editor and its public page. */
export function FactTable({ facts }: { facts: Row[] }) {
  if (facts.length === 0) return <p>There are no facts yet.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Sidebar sentence</th>
          <th scope="col">Added</th>
        </tr>
      </thead>
      <tbody>
        {facts.map((fact) => (
          <tr key={fact.id}>
            <td>
              <Link href={`/admin/facts/${fact.id}`}>{fact.title}</Link>
              <br />
              <small>
                <Link href={`/facts/${fact.slug}`}>/facts/{fact.slug}</Link>
              </small>
            </td>
            <td>{fact.summary}</td>
            <td>{formatDate(fact.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
