"use client";
import Link from "next/link";
import { resetPasswordSchema } from "@/lib/accounts/schema";
import { errorsOf, type FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { useFormAction } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";
import { NewPasswordField } from "./new-password-field";

/**
 * Sets a new password with the token from the emailed link, which the page
 * puts in the form (the token is already in its address). The page is served
 * with Referrer-Policy: no-referrer (next.config.ts), so the address never
 * leaks to another site through a link; the token is never sent back in an answer.
 */
export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const form = useFormAction(action, { schema: resetPasswordSchema });
  const done = form.state.status === "done";
  return (
    <div className="account-form">
      {!done && (
        <AccountForm form={form} submitLabel="Set new password" pendingLabel="Saving…" statusInside={false}>
          <input type="hidden" name="token" value={token} />
          <NewPasswordField label="New password" state={form.state} />
        </AccountForm>
      )}
      <FormMessage
        state={form.state}
        otherErrors={[...(errorsOf(form.state, "token") ?? []), ...(errorsOf(form.state, "_form") ?? [])]}
      />
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
