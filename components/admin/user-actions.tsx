"use client";
import { useId } from "react";
import type { FormAction } from "@/lib/form-state";
import { FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";

const ROLE_LABELS = { READER: "Reader", MODERATOR: "Moderator", EDITOR: "Editor", ADMIN: "Admin" } as const;
type Role = keyof typeof ROLE_LABELS;

export type UserActionsProps = {
  user: { id: number; username: string; role: Role; disabled: boolean };
  changeRole: FormAction;
  disable: FormAction;
  enable: FormAction;
};

/**
 * An admin's two controls for one account: its role, and whether it may log
 * in. Each answers beside itself; the list refreshes around it. Without
 * script, each posts and comes back to the list.
 */
export function UserActions({ user, changeRole, disable, enable }: UserActionsProps) {
  const roleForm = useFormAction(changeRole, { followRedirect: false });
  const accessForm = useFormAction(user.disabled ? enable : disable, { followRedirect: false });
  const roleId = useId();
  return (
    <div className="user-actions">
      <form action={roleForm.formAction} ref={roleForm.formRef} aria-label={`Role of ${user.username}`}>
        <ScriptMarker />
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={roleId} className="visually-hidden">
          Role of {user.username}
        </label>
        <select id={roleId} name="role" defaultValue={user.role}>
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button--secondary" disabled={roleForm.pending}>
          Change role
        </button>
        <FormMessage state={roleForm.state} />
      </form>
      <form action={accessForm.formAction} ref={accessForm.formRef} aria-label={`Access of ${user.username}`}>
        <ScriptMarker />
        <input type="hidden" name="userId" value={user.id} />
        <button
          type="submit"
          className={user.disabled ? "button button--secondary" : "button button--danger"}
          disabled={accessForm.pending}
        >
          {user.disabled ? `Re-enable ${user.username}` : `Disable ${user.username}`}
        </button>
        <FormMessage state={accessForm.state} />
      </form>
    </div>
  );
}
