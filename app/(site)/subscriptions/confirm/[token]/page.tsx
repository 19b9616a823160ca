import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findUnconfirmedSubscription } from "@/lib/subscriptions/subscriptions";
import { ConfirmButtonForm } from "@/components/forms/confirm-button-form";
import { confirmSubscriptionFromForm } from "../../actions";

// The token in the address is a secret: no search engine, no Referer to other sites.
export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "same-origin" };

/** The link in a guest's confirmation email. Opening it only asks; the button confirms. */
export default async function ConfirmSubscriptionPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const subscription = await findUnconfirmedSubscription(token);
  if (!subscription) notFound();
  return (
    <div className="subscription-page">
      <h1>Follow a discussion by email</h1>
      <ConfirmButtonForm
        action={confirmSubscriptionFromForm}
        fields={{ token }}
        prompt={`Send an email to ${subscription.email} when there are new posts in the discussion of “${subscription.article.title}”? At most one every 15 minutes, each with a link to stop.`}
        button="Confirm"
      />
      <p>
        <Link href={`/articles/${subscription.article.slug}#discussion`}>Go to the discussion</Link>
      </p>
    </div>
  );
}
