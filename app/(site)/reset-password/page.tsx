import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";

// The header (next.config.ts) covers every response; the meta tag also covers
// a copy of the page saved or served by something that drops headers.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

export default function ResetPasswordPage() {
  return (
    <div className="account-page">
      <h1>Choose a new password</h1>
      <p className="lead">After you save it, every browser logged in to your account is logged out.</p>
      <ResetPasswordForm />
    </div>
  );
}
