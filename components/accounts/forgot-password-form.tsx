"use client";
import { forgotPasswordSchema } from "@/lib/accounts/schema";
import { FormField, FormStatus } from "./form-field";
import { postJson, useAccountForm } from "./use-account-form";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const form = useAccountForm(forgotPasswordSchema, async (input) => {
    const sent = await postJson("/api/account/forgot", input);
    return sent.ok ? { success: String(sent.data.message) } : sent.outcome;
  });
  return (
    <form className="form" method="post" noValidate onSubmit={form.onSubmit}>
      <FormField name="email" label="Email" type="email" autoComplete="email" errors={form.fields.email} />
      <FormStatus message={form.message} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send me a reset link"}
        </button>
      </div>
    </form>
  );
}
