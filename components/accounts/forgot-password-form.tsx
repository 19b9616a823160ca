"use client";
import { forgotPasswordSchema } from "@/lib/accounts/schema";
import type { FormAction } from "@/lib/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ action }: { action: FormAction }) {
  const form = useFormAction(action, { schema: forgotPasswordSchema });
  return (
    <AccountForm form={form} submitLabel="Send me a reset link" pendingLabel="Sending…">
      <FormField name="email" label="Email" type="email" autoComplete="email" state={form.state} />
    </AccountForm>
  );
}
