"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useCurrentUser } from "@/components/accounts/use-current-user";

/**
 * The header's account area. The server renders "Log in / Sign up" for
 * everyone so pages stay cacheable; the browser then asks who is logged in
 * and shows their name and a "Log out" button instead.
 */
export function AccountMenu() {
  const user = useCurrentUser();
  const [loginHref, setLoginHref] = useState("/login");
  useEffect(() => {
    const here = window.location.pathname;
    if (!ACCOUNT_PAGES.has(here)) setLoginHref(`/login?callbackUrl=${encodeURIComponent(here + window.location.search)}`);
  }, []);

  if (user) {
    return (
      <div className="account-menu">
        <span>
          Logged in as <strong data-testid="current-username">{user.username}</strong>
        </span>
        <button type="button" className="account-menu__logout" onClick={() => void signOut({ callbackUrl: window.location.href })}>
          Log out
        </button>
      </div>
    );
  }
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

/** Pages a reader should not be sent back to after logging in. */
const ACCOUNT_PAGES = new Set(["/login", "/signup", "/forgot-password", "/reset-password"]);
