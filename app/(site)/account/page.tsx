import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { CloseAccountForm } from "@/components/accounts/close-account-form";
import { closeAccountFromForm } from "./actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

/** A reader's own data: take it with you, or close the account. */
export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Faccount");
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{user.username}</strong>. <Link href="/account/email">Email settings</Link>
      </p>
      <section aria-labelledby="your-data-heading">
        <h2 id="your-data-heading">Your data</h2>
        <p>
          One JSON file with everything you wrote here and everything {"Quire"} holds about you: your account, your posts (with
          the hashed network address each was sent from), your reports, the discussions you follow and any moderation of your
          posts or account.
        </p>
        <p>
          <a href="/api/account/data" download>
            Download my data
          </a>
        </p>
      </section>
      <section aria-labelledby="close-heading">
        <h2 id="close-heading">Close your account</h2>
        <CloseAccountForm action={closeAccountFromForm} />
      </section>
    </div>
  );
}
