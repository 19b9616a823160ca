import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { serverSecret } from "@/lib/config";
import { AuthenticationRequired } from "@/lib/errors";
import { SESSION_COOKIE } from "./options";
import { loadSessionUser, type SessionUser } from "./session-user";

export type { SessionUser };

/**
 * The signed-in user for this request, checked against the database (session
 * version, current role), or null. Reads the session cookie, so never call it
 * while rendering a public page: that would make the page differ per reader.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return sessionUserOf((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * The user a session cookie stands for, or null: no cookie, a token that does
 * not decrypt with the server's secret, or claims that are not Quire's.
 */
export async function sessionUserOf(cookieValue: string | undefined): Promise<SessionUser | null> {
  if (!cookieValue) return null;
  const token = await decode({ token: cookieValue, secret: serverSecret() }).catch(() => null);
  return loadSessionUser(token);
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthenticationRequired();
  return user;
}
