"use client";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

/**
 * One button that does what an email's link is for (confirm, stop emails).
 * Opening a link only asks; the button's POST acts, because mail scanners
 * and link previews open links by themselves. Hidden fields carry the link's
 * secret. Once done, the form gives way to its message.
 */
export function ConfirmButtonForm({
  action,
  prompt,
  button,
  fields,
  followRedirect = false,
}: {
  action: FormAction;
  prompt: string;
  button: string;
  fields: Record<string, string>;
  /** Load the page the answer names (which then says what happened) instead of showing the answer in place. */
  followRedirect?: boolean;
}) {
  const form = useFormAction(action, { followRedirect });
  return (
    <form ref={form.formRef} action={form.formAction} className="form">
      <ScriptMarker />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {form.state.status !== "done" && (
        <>
          {prompt && <p>{prompt}</p>}
          <div>
            <button type="submit" className="button" disabled={form.pending}>
              {button}
            </button>
          </div>
        </>
      )}
      <FormMessage state={form.state} />
    </form>
  );
}
