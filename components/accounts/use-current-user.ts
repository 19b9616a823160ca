"use client";
import { useEffect, useState } from "react";

export type CurrentUser = { id: number; username: string; role: string };

let request: Promise<CurrentUser | null> | undefined;

/**
 * One request per page load, shared by every component that asks. Logging in
 * and out load a new page, so the answer cannot go stale within one.
 */
export function fetchCurrentUser(): Promise<CurrentUser | null> {
  request ??= fetch("/api/account/me", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : { user: null }))
    .then((body: { user?: CurrentUser | null }) => body.user ?? null)
    .catch(() => null);
  return request;
}

/**
 * Who is logged in, asked of the server after the page has loaded: pages are
 * served identically to everyone, so they cannot say. `undefined` until known.
 */
export function useCurrentUser(): CurrentUser | null | undefined {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void fetchCurrentUser().then((found) => current && setUser(found));
    return () => {
      current = false;
    };
  }, []);
  return user;
}
