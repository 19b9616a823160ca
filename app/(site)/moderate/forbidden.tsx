import Link from "next/link";

export default function ModerationForbidden() {
  return (
    <div className="not-found">
      <h1>You need to be a moderator</h1>
      <p>These pages are for the moderation team. If you think you should have access, ask an administrator.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
