"use client";
import Link from "next/link";
import { loginSchema } from "@/lib/accounts/login-schema";
import { IDLE, type FormAction, type FormState } from "@/lib/form-state";
import { useFormAction, type FormController } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";

/** The login form's state: checked in the browser with the schema the action parses with. */
export function useLoginForm(action: FormAction, initialError?: string): FormController {
  const initial: FormState = initialError ? { status: "error", error: initialError, fields: {}, values: {} } : IDLE;
  return useFormAction(action, { schema: loginSchema, initial });
}

/**
 * Username, password, "forgot password?" and a sign-up link: the login box of
 * the article page and the /login page. A server action's form, so it works
 * without JavaScript and carries no per-visitor token (Next checks the
 * action's Origin instead): the server's HTML is the same for everyone.
 * Whoever shows it owns its state (useLoginForm), so it can outlive the form.
 */
export function LoginForm({ form, callbackPath }: { form: FormController; callbackPath: string }) {
  return (
    <AccountForm
      form={form}
      submitLabel="Log in"
      pendingLabel="Logging in…"
      actions={<Link href="/forgot-password">Forgot your password?</Link>}
      aside={
        <>
          No account yet? <Link href="/signup">Sign up</Link>
        </>
      }
    >
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <FormField name="username" label="Username or email" autoComplete="username" state={form.state} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" state={form.state} />
    </AccountForm>
  );
}
