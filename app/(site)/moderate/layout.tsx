import Link from "next/link";

/** The moderation pages' own navigation. Access is checked by each page, not here. */
export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="moderation">
      <nav aria-label="Moderation" className="moderation-nav">
        <Link href="/moderate">Queue</Link>
        <Link href="/moderate/log">Audit log</Link>
        <Link href="/moderate/discussions">Discussions</Link>
        <Link href="/moderate/settings">Policies (admins)</Link>
      </nav>
      {children}
    </div>
  );
}
