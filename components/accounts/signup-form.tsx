"use client";
import Link from "next/link";
import { PASSWORD_RULES, signupSchema, USERNAME_RULES } from "@/lib/accounts/schema";
import { FormField, FormStatus } from "./form-field";
import { logIn } from "./log-in";
import { postJson, useAccountForm } from "./use-account-form";

/** Creates the account, then logs the new reader in and takes them to the home page. */
export function SignupForm() {
  const form = useAccountForm(signupSchema, async (input) => {
    const created = await postJson("/api/account/signup", input);
    if (!created.ok) return created.outcome;
    return logIn(input.username, input.password, "/");
  });
  return (
    <form className="form" method="post" noValidate onSubmit={form.onSubmit}>
      <FormField name="username" label="Username" autoComplete="username" hint={USERNAME_RULES} errors={form.fields.username} />
      <FormField name="email" label="Email" type="email" autoComplete="email" errors={form.fields.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES}
        errors={form.fields.password}
      />
      <FormStatus message={form.message} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Creating your account…" : "Sign up"}
        </button>
      </div>
      <p className="form-aside">
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </form>
  );
}
