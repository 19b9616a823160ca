"use client";
import Link from "next/link";
import { loginSchema } from "@/lib/accounts/login-schema";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";
import { logIn } from "./log-in";
import { useAccountForm } from "./use-account-form";

/**
 * Username, password, "forgot password?" and a sign-up link: the login box of
 * the article page and the /login page. It works in the browser only (next-auth
 * needs a per-visitor CSRF token), so the server's HTML is the same for everyone.
 */
export function LoginForm({ callbackPath, initialError }: { callbackPath?: string; initialError?: string }) {
  const form = useAccountForm(loginSchema, (input) => logIn(input.username, input.password, callbackPath), initialError);
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
      <FormField name="username" label="Username or email" autoComplete="username" errors={form.fields.username} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" errors={form.fields.password} />
    </AccountForm>
  );
}
