"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { resetPasswordSchema } from "@/lib/accounts/schema";
import { AccountForm } from "./account-form";
import { FormStatus } from "./form-field";
import { NewPasswordField } from "./new-password-field";
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
        <AccountForm form={form} submitLabel="Set new password" pendingLabel="Saving…" statusInside={false}>
          <input type="hidden" name="token" value={token ?? ""} />
          <NewPasswordField label="New password" errors={form.fields.password} />
        </AccountForm>
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
