"use client";
import { signIn } from "next-auth/react";
import type { SubmitOutcome } from "./use-account-form";

/**
 * Logs in through next-auth's credentials flow (it fetches the CSRF token
 * itself) and, on success, loads the page next-auth chose. next-auth only
 * returns a URL on this site (lib/auth/options.ts); that is checked again here.
 */
export async function logIn(username: string, password: string, callbackUrl = pageWithoutHash()): Promise<SubmitOutcome> {
  try {
    const result = await signIn("credentials", { username, password, callbackUrl, redirect: false });
    if (!result?.ok || result.error || !result.url) {
      return { error: result?.error || "We could not log you in. Please try again." };
    }
    const target = new URL(result.url, window.location.origin);
    window.location.assign(target.origin === window.location.origin ? target.href : "/");
    // Going to the same page with only a different #fragment would not reload it.
    if (target.hash) window.location.reload();
  } catch {
    return { error: "We could not reach the site. Check your connection and try again." };
  }
}

function pageWithoutHash(): string {
  return window.location.href.split("#")[0]!;
}
