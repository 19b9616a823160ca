import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findMentionSubscription } from "@/lib/discussion/mention-opt-out";
import { ConfirmButtonForm } from "@/components/forms/confirm-button-form";
import { stopMentionEmailsFromForm } from "./actions";

// The key in the address is the secret: keep it out of search engines and out
// of the Referer header sent to other sites. ("no-referrer" would also blank
// the Origin of the button's POST, which Next's server actions then refuse.)
export const metadata: Metadata = { title: "Mention emails", robots: { index: false }, referrer: "same-origin" };

/**
 * The opt-out link in every mention email. Opening it only asks; the button
 * (a POST) turns the emails off. Mail scanners and link previews open links
 * by themselves, and must not unsubscribe anyone by doing so.
 */
export default async function MentionOptOutPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const subscription = await findMentionSubscription(key);
  if (!subscription) notFound();
  return (
    <div className="mention-opt-out">
      <h1>Emails when someone mentions you</h1>
      {subscription.mentionEmails ? (
        <ConfirmButtonForm
          action={stopMentionEmailsFromForm}
          fields={{ key }}
          prompt={`${subscription.username}, you get an email when someone writes @${subscription.username} in a discussion. Stop these emails?`}
          button="Stop mention emails"
          followRedirect
        />
      ) : (
        <p className="form-success" role="status">
          Done: {subscription.username}, you will no longer get an email when someone mentions you.
        </p>
      )}
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
