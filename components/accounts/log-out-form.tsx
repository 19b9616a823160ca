"use client";
import { ScriptMarker } from "@/components/forms/script-marker";
import type { FormController } from "@/components/forms/use-form-action";

/**
 * "Log out": a server action's form, so it works without JavaScript too; then
 * back to `callbackPath`. Its state (useFormAction) belongs to whoever shows
 * it, so that it can outlive the button.
 */
export function LogOutForm({
  form,
  callbackPath,
  buttonClassName,
}: {
  form: FormController;
  callbackPath: string;
  buttonClassName: string;
}) {
  return (
    <form ref={form.formRef} action={form.formAction} className="log-out-form">
      <ScriptMarker />
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <button type="submit" className={buttonClassName} disabled={form.pending}>
        Log out
      </button>
      {form.state.status === "error" && (
        <span className="form-error" role="alert">
          {" "}
          {form.state.error}
        </span>
      )}
    </form>
  );
}
