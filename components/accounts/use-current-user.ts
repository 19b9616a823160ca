"use client";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requestJson } from "@/components/site/request-json";

/** GET /api/account/me: who is signed in, or null. */
const currentUserAnswer = z.object({
  user: z.object({ id: z.number(), username: z.string(), role: z.string() }).nullable(),
});
export type CurrentUser = NonNullable<z.infer<typeof currentUserAnswer>["user"]>;

let request: Promise<CurrentUser | null> | undefined;

/**
 * One request per page load, shared by every component that asks. Logging in
 * and out load a new page, so the answer cannot go stale within one.
 */
export function fetchCurrentUser(): Promise<CurrentUser | null> {
  // Any failure reads as a guest: the page then offers "Log in", which is always safe.
  request ??= requestJson("/api/account/me", currentUserAnswer).then((answer) => (answer.ok ? answer.data.user : null));
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
