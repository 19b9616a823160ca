"use client";

import { createContext, useActionState, useContext, useEffect } from "react";
import { MODERATED_EVENT, type ActionState, type ServerAction } from "@/lib/moderation/action-state";

type Panel = { formAction: (form: FormData) => void; pending: boolean };
const PanelContext = createContext<Panel | null>(null);

/**
 * One server action for all the forms on a moderation page, and one place,
 * announced to screen readers, where its outcome appears. A form's own spot
 * would vanish with the post it acted on, taking the message (and undo) with it.
 */
export function ActionPanel({ action, children }: { action: ServerAction; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) window.dispatchEvent(new Event(MODERATED_EVENT));
  }, [state]);
  return (
    <PanelContext value={{ formAction, pending }}>
      <ActionNotice state={state} formAction={formAction} />
      <div aria-busy={pending}>{children}</div>
    </PanelContext>
  );
}

/** A form that submits through the page's ActionPanel. */
export function PanelForm({ children, ...props }: { children: React.ReactNode; id?: string; className?: string; "aria-label"?: string }) {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error("PanelForm must be inside an ActionPanel");
  return (
    <form action={panel.formAction} {...props}>
      {children}
    </form>
  );
}

function ActionNotice({ state, formAction }: { state: ActionState; formAction: (form: FormData) => void }) {
  const fieldErrors = state && !state.ok ? Object.entries(state.fields ?? {}) : [];
  return (
    <div className={`moderation-notice${state ? (state.ok ? " moderation-notice--ok" : " moderation-notice--error") : ""}`} role="status">
      {state && (
        <>
          <p>{state.message}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map(([field, messages]) => (
                <li key={field}>{messages.join(" ")}</li>
              ))}
            </ul>
          )}
          {state.ok && state.undo && (
            <form action={formAction}>
              <input type="hidden" name="commentId" value={state.undo.commentId} />
              <input type="hidden" name="expectedVersion" value={state.undo.version} />
              <button type="submit" name="intent" value="undo" className="button button--secondary">
                Undo
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
