import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { mentionEmailsOn } from "@/lib/discussion/mention-opt-out";
import { listReaderSubscriptions } from "@/lib/subscriptions/subscriptions";
import { ConfirmButtonForm } from "@/components/forms/confirm-button-form";
import { unsubscribeFromForm } from "../../subscriptions/actions";
import { setMentionEmailsFromForm } from "./actions";

export const metadata: Metadata = { title: "Your email settings", robots: { index: false } };

/**
 * Every kind of email Quire sends a reader, in one place: mentions, and each
 * discussion they follow. (Password emails are not optional: they come only when asked for.)
 */
export default async function EmailSettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Faccount%2Femail");
  const [mentions, subscriptions] = await Promise.all([mentionEmailsOn(user.id), listReaderSubscriptions(user.id)]);
  return (
    <div className="email-settings">
      <h1>Your email settings</h1>
      <section aria-labelledby="mention-emails-heading">
        <h2 id="mention-emails-heading">When someone mentions you</h2>
        <ConfirmButtonForm
          action={setMentionEmailsFromForm}
          fields={{ mentions: mentions ? "off" : "on" }}
          prompt={
            mentions
              ? `You get an email when someone writes @${user.username} in a discussion.`
              : `You get no email when someone writes @${user.username}.`
          }
          button={mentions ? "Stop mention emails" : "Email me when someone mentions me"}
        />
      </section>
      <section aria-labelledby="followed-heading">
        <h2 id="followed-heading">Discussions you follow</h2>
        {subscriptions.length === 0 ? (
          <p>You follow no discussion. Under any article, choose “Email me new posts in this discussion”.</p>
        ) : (
          <ul className="followed-discussions">
            {subscriptions.map((subscription) => (
              <li key={subscription.unsubscribeKey}>
                <Link href={`/articles/${subscription.article.slug}#discussion`}>{subscription.article.title}</Link>
                <ConfirmButtonForm
                  action={unsubscribeFromForm}
                  fields={{ key: subscription.unsubscribeKey }}
                  prompt={`Following since ${subscription.createdAt.toISOString().slice(0, 10)}.`}
                  button="Stop emails about this discussion"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
