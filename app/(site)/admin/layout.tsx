import Link from "next/link";

/** The back office's own navigation. Access is checked by each page and by lib/, not here. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="moderation admin">
      <nav aria-label="Back office" className="moderation-nav">
        <Link href="/admin">Articles</Link>
        <Link href="/admin/articles/new">New article</Link>
        <Link href="/admin/categories">Categories</Link>
        <Link href="/admin/tags">Tags</Link>
        <Link href="/admin/facts">Facts</Link>
        <Link href="/admin/history">History</Link>
        <Link href="/admin/users">Users (admins)</Link>
        <Link href="/admin/mail">Emails (admins)</Link>
        <Link href="/admin/export">Export (admins)</Link>
        <Link href="/admin/log">Audit log</Link>
      </nav>
      {children}
    </div>
  );
}
