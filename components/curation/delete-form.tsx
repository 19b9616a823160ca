"use client";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

/** "Delete" for one record, with what deleting does said first and any refusal ("still has 3 articles") beside it. Works without script. */
export function DeleteForm({ action, id, label, warning }: { action: FormAction; id: number; label: string; warning: string }) {
  const form = useFormAction(action);
  return (
    <form action={form.formAction} ref={form.formRef} className="curation-delete" aria-label={label}>
      <ScriptMarker />
      <input type="hidden" name="id" value={id} />
      <p>{warning}</p>
      <button type="submit" className="button button--danger" disabled={form.pending}>
        {label}
      </button>
      <FormMessage state={form.state} />
    </form>
  );
}
