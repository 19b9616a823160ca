"use client";
import { forgotPasswordSchema } from "@/lib/accounts/schema";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";
import { postJson, useAccountForm } from "./use-account-form";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const form = useAccountForm(forgotPasswordSchema, async (input) => {
    const sent = await postJson("/api/account/forgot", input);
    return sent.ok ? { success: String(sent.data.message) } : sent.outcome;
  });
  return (
    <AccountForm form={form} submitLabel="Send me a reset link" pendingLabel="Sending…">
      <FormField name="email" label="Email" type="email" autoComplete="email" errors={form.fields.email} />
    </AccountForm>
  );
}
