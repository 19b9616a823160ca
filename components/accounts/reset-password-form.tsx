"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { PASSWORD_RULES, resetPasswordSchema } from "@/lib/accounts/schema";
import { FormField, FormStatus } from "./form-field";
import { postJson, useAccountForm } from "./use-account-form";

/**
 * Sets a new password with the token from the emailed link. The token is read
 * in the browser, so the server never renders it into a page; the page is
 * served with Referrer-Policy: no-referrer (next.config.ts) so it never leaks
 * to another site through a link either.
 */
export function ResetPasswordForm() {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => setToken(new URLSearchParams(window.location.search).get("token") || null), []);
  const form = useAccountForm(resetPasswordSchema, async (input) => {
    const reset = await postJson("/api/account/reset", input);
    return reset.ok ? { success: String(reset.data.message) } : reset.outcome;
  });

  const done = form.message?.tone === "success";
  return (
    <div className="account-form">
      {token === null && (
        <p className="form-error">
          This page needs the link from your reset email. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
      {token !== null && !done && (
        <form className="form" method="post" noValidate onSubmit={form.onSubmit}>
          <input type="hidden" name="token" value={token ?? ""} />
          <FormField
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={PASSWORD_RULES}
            errors={form.fields.password}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={form.pending || !token}>
              {form.pending ? "Saving…" : "Set new password"}
            </button>
          </div>
        </form>
      )}
      <FormStatus message={form.message} />
      {form.fields.token && <p className="form-error">{form.fields.token.join(" ")}</p>}
      {done ? (
        <p>
          <Link href="/login">Log in with your new password</Link>
        </p>
      ) : (
        <p className="form-aside">
          Link not working? <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
