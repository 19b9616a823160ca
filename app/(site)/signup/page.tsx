import type { Metadata } from "next";
import { SignupForm } from "@/components/accounts/signup-form";
import { signUpFromForm } from "./actions";

export const metadata: Metadata = { title: "Sign up" };

export default function SignupPage() {
  return (
    <div className="account-page">
      <h1>Create an account</h1>
      <p className="lead">
        An account lets you join the discussion under your own name. We email you a link to confirm your address; the account is
        ready once you have opened it.
      </p>
      <SignupForm action={signUpFromForm} />
    </div>
  );
}
