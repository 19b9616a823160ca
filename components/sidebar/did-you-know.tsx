import Link from "next/link";

export function DidYouKnow({ fact }: { fact: { slug: string; title: string; summary: string } | null }) {
  return (
    <section className="sidebar-box" aria-labelledby="did-you-know-heading">
      <h2 id="did-you-know-heading">Did you know?</h2>
      {fact ? (
        <p>
          {fact.summary}{" "}
          <Link href={`/facts/${fact.slug}`} aria-label={`More about: ${fact.title}`}>
            more...
          </Link>
        </p>
      ) : (
        <p className="muted">Our fact-finders are at work. Check back soon.</p>
      )}
    </section>
  );
}
