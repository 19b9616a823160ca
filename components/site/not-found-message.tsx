import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="not-found">
      <h1>We could not find that page</h1>
      <p>The article or page you asked for does not exist, or it has moved.</p>
      <ul>
        <li>
          <Link href="/">See the latest articles</Link>
        </li>
        <li>
          <Link href="/facts">Browse our &quot;did you know&quot; facts</Link>
        </li>
      </ul>
    </div>
  );
}
