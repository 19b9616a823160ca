"use client";

import { createContext, useActionState, useContext, useEffect } from "react";
import { IDLE, type FormAction, type FormState } from "@/lib/form-state";
import { MODERATED_EVENT, type ModerationDone } from "@/lib/moderation/moderated-event";

type ModerationState = FormState<ModerationDone>;

type Panel = { formAction: (form: FormData) => void; pending: boolean };
const PanelContext = createContext<Panel | null>(null);

/**
 * One server action for all the forms on a moderation page, and one place,
 * announced to screen readers, where its outcome appears. A form's own spot
 * would vanish with the post it acted on, taking the message (and undo) with it.
 */
export function ActionPanel({ action, children }: { action: FormAction<ModerationDone>; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState<ModerationState, FormData>(action, IDLE);
  useEffect(() => {
    if (state.status === "done") window.dispatchEvent(new Event(MODERATED_EVENT));
  }, [state]);
  return (
    <PanelContext value={{ formAction, pending }}>
      <ActionNotice state={state} formAction={formAction} />
      <div aria-busy={pending}>{children}</div>
    </PanelContext>
  );
}

/** A form that submits through the page's ActionPanel. */
export function PanelForm({
  children,
  ...props
}: {
  children: React.ReactNode;
  id?: string;
  className?: string;
  "aria-label"?: string;
}) {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error("PanelForm must be inside an ActionPanel");
  return (
    <form action={panel.formAction} {...props}>
      {children}
    </form>
  );
}

const NOTICE_CLASS = {
  idle: "moderation-notice",
  done: "moderation-notice moderation-notice--ok",
  error: "moderation-notice moderation-notice--error",
};

function ActionNotice({ state, formAction }: { state: ModerationState; formAction: (form: FormData) => void }) {
  const fieldErrors = state.status === "error" ? Object.entries(state.fields) : [];
  return (
    <div className={NOTICE_CLASS[state.status]} role="status">
      {state.status !== "idle" && (
        <>
          <p>{state.status === "error" ? state.error : state.message}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map(([field, messages]) => (
                <li key={field}>{messages.join(" ")}</li>
              ))}
            </ul>
          )}
          {state.status === "done" && state.undo && (
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
