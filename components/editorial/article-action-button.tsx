"use client";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

/**
 * One button acting on one article (to the bin, out of it, discard autosave,
 * restore a revision), its ids as hidden fields, its answer beside it. Works
 * without script.
 */
export function ArticleActionButton({
  action,
  fields,
  label,
}: {
  action: FormAction;
  fields: Record<string, number>;
  label: string;
}) {
  const form = useFormAction(action);
  return (
    <form action={form.formAction} ref={form.formRef} className="article-action">
      <ScriptMarker />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={form.pending}>
        {label}
      </button>
      <FormMessage state={form.state} />
    </form>
  );
}
