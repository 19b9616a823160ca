"use client";
import type { FormAction } from "@/lib/form-state";
import { FieldError, FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

/** Closing an account is for good: the password confirms it is the owner, not someone at an open browser. */
export function CloseAccountForm({ action }: { action: FormAction }) {
  const form = useFormAction(action);
  const fields = form.state.status === "error" ? form.state.fields : {};
  return (
    <form ref={form.formRef} action={form.formAction} className="form">
      <ScriptMarker />
      <p>
        Your account, email address and settings are deleted for good. Your posts stay where they are, shown as by “deleted user”,
        so the discussions still read.
      </p>
      <div>
        <label htmlFor="close-password">Your password</label>
        <input
          id="close-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fields.password ? true : undefined}
          aria-describedby="close-password-error"
        />
        <FieldError id="close-password-error" messages={fields.password} />
      </div>
      <FormMessage state={form.state} />
      <div>
        <button type="submit" className="button" disabled={form.pending}>
          Close my account
        </button>
      </div>
    </form>
  );
}
