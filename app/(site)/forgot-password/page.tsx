import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { requestPasswordResetFromForm } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="account-page">
      <h1>Forgot your password?</h1>
      <p className="lead">Enter the email address of your account. We will send it a link to choose a new password.</p>
      <ForgotPasswordForm action={requestPasswordResetFromForm} />
    </div>
  );
}
