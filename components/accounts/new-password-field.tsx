import { PASSWORD_RULES } from "@/lib/accounts/schema";
import type { FormState } from "@/lib/form-state";
import { FormField } from "./form-field";

// Apart from form-field.tsx: the rules come with the common-password list,
// which the article page's login box must not load.

/** A new password, with the rules it must follow. */
export function NewPasswordField({ label, state }: { label: string; state: FormState }) {
  return (
    <FormField name="password" label={label} type="password" autoComplete="new-password" hint={PASSWORD_RULES} state={state} />
  );
}
