"use client";

import { useActionState } from "react";
import { IDLE, type FormAction, type FormState } from "@/lib/form-state";
import type { RateLimitRule, SiteSettings } from "@/lib/settings/schema";

const RATE_LIMIT_LABELS: Record<string, string> = {
  commentRateLimitPerIp: "Posts from one address",
  commentRateLimitPerUser: "Posts from one account",
  loginRateLimitPerIp: "Login attempts from one address",
  loginRateLimitPerAccount: "Login attempts on one account",
  signupRateLimitPerIp: "Sign-ups from one address",
  signupRateLimitPerEmail: "Sign-ups for one email address",
  forgotRateLimitPerIp: "Password-reset requests from one address",
  forgotRateLimitPerEmail: "Password-reset requests for one email address",
};

/** Every rate limit in the settings, so one added to the schema appears here without a change. */
function rateLimits(settings: SiteSettings): { key: string; label: string; rule: RateLimitRule }[] {
  return Object.entries(settings).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && "windowSeconds" in value
      ? [{ key, label: RATE_LIMIT_LABELS[key] ?? key, rule: value as RateLimitRule }]
      : [],
  );
}

/** The site's moderation policies, bound to the site settings schema; every wrong field is named beside it. */
export function PoliciesForm({ settings, action }: { settings: SiteSettings; action: FormAction }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  // React resets a form after its action; show what was typed, not the saved values, after an error.
  const typed = state.status === "error" ? state.values : undefined;
  const value = (name: string, saved: unknown) => typed?.[name] ?? String(saved);
  return (
    <form action={formAction} className="form policies-form" aria-describedby="policies-status">
      <div id="policies-status" role="status" className={STATUS_CLASS[state.status]}>
        {state.status === "error" ? state.error : state.status === "done" ? state.message : null}
      </div>
      <fieldset>
        <legend>Hold for moderation</legend>
        <Checkbox
          name="holdGuestPosts"
          label="Hold posts by guests (not signed in)"
          checked={typed ? typed.holdGuestPosts === "on" : settings.holdGuestPosts}
        />
        <Checkbox
          name="holdFirstPost"
          label="Hold a new account's first post"
          checked={typed ? typed.holdFirstPost === "on" : settings.holdFirstPost}
        />
        <Field name="linkLimit" label="Hold posts with more links than" state={state}>
          <input
            type="text"
            inputMode="numeric"
            id="linkLimit"
            name="linkLimit"
            defaultValue={value("linkLimit", settings.linkLimit)}
            {...described(state, "linkLimit")}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Blocked words</legend>
        <Field name="blockedWords" label="Blocked words, one per line" state={state}>
          <textarea
            id="blockedWords"
            name="blockedWords"
            defaultValue={value("blockedWords", settings.blockedWords.join("\n"))}
            {...described(state, "blockedWords")}
          />
        </Field>
        <Field name="blockedWordAction" label="A post with a blocked word is" state={state}>
          <select
            id="blockedWordAction"
            name="blockedWordAction"
            defaultValue={value("blockedWordAction", settings.blockedWordAction)}
          >
            <option value="hold">held for moderation</option>
            <option value="reject">rejected</option>
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>Rate limits</legend>
        {rateLimits(settings).map(({ key, label, rule }) => (
          <div key={key} className="rate-limit" role="group" aria-label={label}>
            <span className="rate-limit__label">{label}: at most</span>
            <Field name={`${key}.max`} label="requests" state={state}>
              <input
                type="text"
                inputMode="numeric"
                id={`${key}.max`}
                name={`${key}.max`}
                defaultValue={value(`${key}.max`, rule.max)}
                {...described(state, `${key}.max`)}
              />
            </Field>
            <Field name={`${key}.windowSeconds`} label="per this many seconds" state={state}>
              <input
                type="text"
                inputMode="numeric"
                id={`${key}.windowSeconds`}
                name={`${key}.windowSeconds`}
                defaultValue={value(`${key}.windowSeconds`, rule.windowSeconds)}
                {...described(state, `${key}.windowSeconds`)}
              />
            </Field>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        Save policies
      </button>
    </form>
  );
}

const STATUS_CLASS = { idle: undefined, done: "form-success", error: "form-error" };

function errorsFor(state: FormState, name: string): string[] {
  if (state.status !== "error") return [];
  return Object.entries(state.fields)
    .filter(([field]) => field === name || field.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

function described(state: FormState, name: string) {
  return errorsFor(state, name).length > 0 ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
}

function Field({ name, label, state, children }: { name: string; label: string; state: FormState; children: React.ReactNode }) {
  const errors = errorsFor(state, name);
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children}
      {errors.length > 0 && (
        <p id={`${name}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="checkbox">
      {/* Sent whether or not the box is ticked, so an unticked box reads as "off", not as "not on this form". */}
      <input type="hidden" name={name} value="off" />
      <input type="checkbox" id={name} name={name} defaultChecked={checked} />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}
