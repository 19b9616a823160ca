import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findSubscriptionByKey } from "@/lib/subscriptions/subscriptions";
import { ConfirmButtonForm } from "@/components/forms/confirm-button-form";
import { unsubscribeFromForm } from "../../actions";

export const metadata: Metadata = { title: "Stop emails about a discussion", robots: { index: false }, referrer: "same-origin" };

/** The link at the foot of every digest: no login needed. Opening it only asks; the button stops the emails. */
export default async function UnsubscribePage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const subscription = await findSubscriptionByKey(key);
  if (!subscription) notFound();
  return (
    <div className="subscription-page">
      <h1>Emails about a discussion</h1>
      <ConfirmButtonForm
        action={unsubscribeFromForm}
        fields={{ key }}
        prompt={`${subscription.user?.username ?? subscription.email} gets an email when there are new posts in the discussion of “${subscription.article.title}”. Stop these emails?`}
        button="Stop emails about this discussion"
      />
      <p>
        <Link href={`/articles/${subscription.article.slug}`}>Go to the article</Link>
      </p>
    </div>
  );
}
