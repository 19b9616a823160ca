import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmSignupForm } from "@/components/accounts/confirm-signup-form";
import { confirmSignupFromForm } from "./actions";

// The address holds a token: no Referer leaves this page (here and in next.config.ts), as on the reset page.
export const metadata: Metadata = { title: "Confirm your account", referrer: "no-referrer", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * Opening the link confirms nothing by itself: mail scanners open links too.
 * The account is made when the person presses the button (a POST).
 */
export default async function ConfirmSignupPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const given = Array.isArray(token) ? token[0] : token;
  return (
    <div className="account-page">
      <h1>Confirm your account</h1>
      <p className="lead">One step left: confirm, then log in with the username and password you chose.</p>
      {given ? (
        <ConfirmSignupForm action={confirmSignupFromForm} token={given} />
      ) : (
        <p className="form-error">
          This page needs the link from your confirmation email. <Link href="/signup">Sign up again</Link>.
        </p>
      )}
    </div>
  );
}
