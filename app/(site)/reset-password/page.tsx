import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { resetPasswordFromForm } from "./actions";

// The header (next.config.ts) covers every response; the meta tag also covers
// a copy of the page saved or served by something that drops headers.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const given = Array.isArray(token) ? token[0] : token;
  return (
    <div className="account-page">
      <h1>Choose a new password</h1>
      <p className="lead">After you save it, every browser logged in to your account is logged out.</p>
      {given ? (
        <ResetPasswordForm action={resetPasswordFromForm} token={given} />
      ) : (
        <p className="form-error">
          This page needs the link from your reset email. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </div>
  );
}
