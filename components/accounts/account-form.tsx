import type { AccountFormState } from "./use-account-form";
import { FormStatus } from "./form-field";

/**
 * The frame every account form shares: no browser validation bubbles (the
 * schema's messages are shown instead), the live region, the submit button
 * that says what is happening, and any links beside it or below.
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
  form: AccountFormState & { onSubmit: React.FormEventHandler<HTMLFormElement> };
  submitLabel: string;
  pendingLabel: string;
  actions?: React.ReactNode;
  aside?: React.ReactNode;
  /** False when the page keeps the live region outside the form, to outlive it. */
  statusInside?: boolean;
  children: React.ReactNode;
}) {
  return (
    <form className="form" method="post" noValidate onSubmit={form.onSubmit}>
      {children}
      {statusInside && <FormStatus message={form.message} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? pendingLabel : submitLabel}
        </button>
        {actions}
      </div>
      {aside && <p className="form-aside">{aside}</p>}
      <noscript>
        <p className="form-error">This form needs JavaScript, which is turned off in your browser.</p>
      </noscript>
    </form>
  );
}
