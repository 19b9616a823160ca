"use client";
import Link from "next/link";
import { errorsOf, type FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { useFormAction } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";

/**
 * The one button of a sign-up's emailed link; the page puts the link's token
 * in the form. Like the reset page, it sends no Referer and never sends the
 * token back in an answer.
 */
export function ConfirmSignupForm({ action, token }: { action: FormAction; token: string }) {
  const form = useFormAction(action);
  const done = form.state.status === "done";
  return (
    <div className="account-form">
      {!done && (
        <AccountForm form={form} submitLabel="Confirm my account" pendingLabel="Confirming…" statusInside={false}>
          <input type="hidden" name="token" value={token} />
        </AccountForm>
      )}
      <FormMessage
        state={form.state}
        otherErrors={[...(errorsOf(form.state, "token") ?? []), ...(errorsOf(form.state, "_form") ?? [])]}
      />
      {done ? (
        <p>
          <Link href="/login">Log in to your new account</Link>
        </p>
      ) : (
        <p className="form-aside">
          Link not working? <Link href="/signup">Sign up again</Link>.
        </p>
      )}
    </div>
  );
}
