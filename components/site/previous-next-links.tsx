import Link from "next/link";

type Neighbour = { href: string; text: string } | null;

/** "Previous" and "next" under a fact or a day in history: the "more..." that leads on from it. */
export function PreviousNextLinks({ label, previous, next }: { label: string; previous: Neighbour; next: Neighbour }) {
  if (!previous && !next) return null;
  return (
    <nav className="previous-next" aria-label={label}>
      {previous && (
        <Link href={previous.href} rel="prev" className="previous-next__previous">
          <span className="previous-next__direction">Previous:</span> {previous.text}
        </Link>
      )}
      {next && (
        <Link href={next.href} rel="next" className="previous-next__next">
          <span className="previous-next__direction">Next:</span> {next.text}
        </Link>
      )}
    </nav>
  );
}
