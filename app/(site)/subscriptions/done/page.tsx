import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Discussion emails", robots: { index: false } };

/** Where a confirmation or an unsubscribe lands without JavaScript (post/redirect/get). */
export default async function SubscriptionDonePage({ searchParams }: { searchParams: Promise<{ what?: string }> }) {
  const { what } = await searchParams;
  return (
    <div className="subscription-page">
      <h1>Discussion emails</h1>
      <p className="form-success" role="status">
        {what === "confirmed"
          ? "Confirmed: you will get an email when there are new posts in the discussion, at most one every 15 minutes."
          : "Done: you will get no more emails about this discussion."}
      </p>
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
