"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import type { FormAction } from "@/lib/form-state";
import { LogOutForm } from "@/components/accounts/log-out-form";
import { useCurrentUser } from "@/components/accounts/use-current-user";
import { useFormAction } from "@/components/forms/use-form-action";

/**
 * The header's account area. The server renders "Log in / Sign up" for
 * everyone so pages stay cacheable; the browser then asks who is logged in
 * and shows their name and a "Log out" button instead. (Without JavaScript,
 * "Log in" leads a signed-in reader to /login, which offers "Log out".)
 */
export function AccountMenu({ logOut }: { logOut: FormAction }) {
  const user = useCurrentUser();
  const logOutForm = useFormAction(logOut);
  const [here, setHere] = useState<string | null>(null);
  useEffect(() => {
    if (!ACCOUNT_PAGES.has(window.location.pathname)) setHere(window.location.pathname + window.location.search);
  }, []);

  if (user) {
    return (
      <div className="account-menu">
        <span>
          Logged in as <strong data-testid="current-username">{user.username}</strong>
        </span>
        <Link href="/account">Your account</Link>
        {(user.role === "editor" || user.role === "admin") && <Link href="/admin">Back office</Link>}
        <LogOutForm form={logOutForm} callbackPath={here ?? "/"} buttonClassName="account-menu__logout" />
      </div>
    );
  }
  const loginHref = here ? `/login?callbackUrl=${encodeURIComponent(here)}` : "/login";
  return (
    <ul className="account-menu">
      <li>
        <Link href={loginHref}>Log in</Link>
      </li>
      <li>
        <Link href="/signup">Sign up</Link>
      </li>
    </ul>
  );
}

/** Pages a reader should not be sent back to after logging in or out (the reset page's address holds a token). */
const ACCOUNT_PAGES = new Set(["/login", "/signup", "/forgot-password", "/reset-password"]);
