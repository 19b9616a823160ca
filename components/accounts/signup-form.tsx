"use client";
import Link from "next/link";
import { signupSchema, USERNAME_RULES } from "@/lib/accounts/schema";
import type { FormAction } from "@/lib/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";
import { NewPasswordField } from "./new-password-field";

/** Creates the account; the action logs the new reader in and takes them to the home page. */
export function SignupForm({ action }: { action: FormAction }) {
  const form = useFormAction(action, { schema: signupSchema });
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
      <FormField name="username" label="Username" autoComplete="username" hint={USERNAME_RULES} state={form.state} />
      <FormField name="email" label="Email" type="email" autoComplete="email" state={form.state} />
      <NewPasswordField label="Password" state={form.state} />
    </AccountForm>
  );
}
