"use client";
import type { FormAction } from "@/lib/form-state";
import { LoginForm, useLoginForm } from "./login-form";
import { useCurrentUser } from "./use-current-user";

/**
 * The article page's login box. The server renders the same form for every
 * reader (its return address is the article's, not the reader's), so the page
 * can be cached; once the browser learns that the reader is logged in, the box
 * says so instead.
 */
export function LoginBox({ action, callbackPath }: { action: FormAction; callbackPath: string }) {
  const user = useCurrentUser();
  const form = useLoginForm(action);
  return (
    <section className="login-box" aria-labelledby="login-box-heading">
      <h3 id="login-box-heading">{user ? "Logged in" : "Log in to post under your own name"}</h3>
      {user ? (
        <p>
          You are logged in as <strong>{user.username}</strong>.
        </p>
      ) : (
        <LoginForm form={form} callbackPath={callbackPath} />
      )}
    </section>
  );
}
