"use client";
import Link from "next/link";
import type { FormAction } from "@/lib/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { LoginForm, useLoginForm } from "./login-form";
import { LogOutForm } from "./log-out-form";

/**
 * What /login shows: the login form, or to a signed-in reader their name and
 * "Log out" (without JavaScript the shared header cannot offer it). One
 * component holds both forms' state because logging in or out changes the
 * session, so Next re-renders this page, swapping one view for the other, in
 * the same update that brings the action's answer: the state must outlive the
 * form that asked, to follow the answer's redirectTo.
 */
export function LoginPageBody({
  signedInAs,
  callbackPath,
  initialError,
  logIn,
  logOut,
}: {
  signedInAs: string | null;
  callbackPath: string;
  initialError?: string;
  logIn: FormAction;
  logOut: FormAction;
}) {
  const login = useLoginForm(logIn, initialError);
  const logout = useFormAction(logOut);
  if (!signedInAs) {
    return (
      <>
        <h1>Log in</h1>
        <LoginForm form={login} callbackPath={callbackPath} />
      </>
    );
  }
  return (
    <>
      <h1>You are logged in</h1>
      <p>
        You are logged in as <strong>{signedInAs}</strong>. <Link href={callbackPath}>Carry on reading</Link>
      </p>
      <LogOutForm form={logout} callbackPath="/" buttonClassName="button button--secondary" />
    </>
  );
}
