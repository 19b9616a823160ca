import Link from "next/link";

export default function PoliciesForbidden() {
  return (
    <div className="not-found">
      <h1>You need to be an administrator</h1>
      <p>Only administrators can change the site&apos;s moderation policies.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
