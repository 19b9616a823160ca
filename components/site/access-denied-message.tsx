import Link from "next/link";

/** What a signed-in reader sees on a page their role does not open. */
export function AccessDeniedMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="not-found">
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
