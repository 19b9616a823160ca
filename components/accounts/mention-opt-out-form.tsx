"use client";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

/** The confirm button of a mention email's opt-out link; afterwards the page reloads and says the emails are off. */
export function MentionOptOutForm({ action, username, optOutKey }: { action: FormAction; username: string; optOutKey: string }) {
  const form = useFormAction(action);
  return (
    <form ref={form.formRef} action={form.formAction} className="form">
      <ScriptMarker />
      <p>
        {username}, you get an email when someone writes @{username} in a discussion. Stop these emails?
      </p>
      <input type="hidden" name="key" value={optOutKey} />
      <FormMessage state={form.state} />
      <div>
        <button type="submit" className="button" disabled={form.pending}>
          Stop mention emails
        </button>
      </div>
    </form>
  );
}
