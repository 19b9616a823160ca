"use client";
import Link from "next/link";
import { signupSchema, USERNAME_RULES } from "@/lib/accounts/schema";
import { errorsOf, type FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { useFormAction } from "@/components/forms/use-form-action";
import { AccountForm } from "./account-form";
import { FormField } from "./form-field";
import { NewPasswordField } from "./new-password-field";

/**
 * Asks for the account. The answer, "check your inbox", is the same whether
 * or not the address has an account; the emailed link creates it.
 */
export function SignupForm({ action }: { action: FormAction }) {
  const form = useFormAction(action, { schema: signupSchema });
  const done = form.state.status === "done";
  return (
    <div className="account-form">
      {!done && (
        <AccountForm
          form={form}
          submitLabel="Sign up"
          pendingLabel="Signing you up…"
          statusInside={false}
          aside={
            <>
              Already have an account? <Link href="/login">Log in</Link>
            </>
          }
        >
          <FormField name="username" label="Username" autoComplete="username" hint={USERNAME_RULES} state={form.state} />
          <FormField name="email" label="Email" type="email" autoComplete="email" state={form.state} />
          <NewPasswordField label="Password" state={form.state} />
        </AccountForm>
      )}
      <FormMessage state={form.state} otherErrors={errorsOf(form.state, "_form")} />
    </div>
  );
}
