import { errorsOf } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import type { FormController } from "@/components/forms/use-form-action";

/**
 * The frame every account form shares: a server action's form that works
 * without JavaScript, no browser validation bubbles (the schema's messages
 * are shown instead), the live region, the submit button that says what is
 * happening, and any links beside it or below.
 */
export function AccountForm({
  form,
  submitLabel,
  pendingLabel,
  actions,
  aside,
  statusInside = true,
  children,
}: {
  form: FormController;
  submitLabel: string;
  pendingLabel: string;
  actions?: React.ReactNode;
  aside?: React.ReactNode;
  /** False when the page keeps the live region outside the form, to outlive it. */
  statusInside?: boolean;
  children: React.ReactNode;
}) {
  return (
    <form ref={form.formRef} className="form" noValidate action={form.formAction} onSubmit={form.onSubmit}>
      <ScriptMarker />
      {children}
      {statusInside && <FormMessage state={form.state} otherErrors={errorsOf(form.state, "_form")} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? pendingLabel : submitLabel}
        </button>
        {actions}
      </div>
      {aside && <p className="form-aside">{aside}</p>}
    </form>
  );
}
