"use client";
import Link from "next/link";
import { signupSchema, USERNAME_RULES } from "@/lib/accounts/schema";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";
import { NewPasswordField } from "./new-password-field";
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
    <AccountForm
      form={form}
      submitLabel="Sign up"
      pendingLabel="Creating your account…"
      aside={
        <>
          Already have an account? <Link href="/login">Log in</Link>
        </>
      }
    >
      <FormField name="username" label="Username" autoComplete="username" hint={USERNAME_RULES} errors={form.fields.username} />
      <FormField name="email" label="Email" type="email" autoComplete="email" errors={form.fields.email} />
      <NewPasswordField label="Password" errors={form.fields.password} />
    </AccountForm>
  );
}
