import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { serverSecret } from "@/lib/config";
import { AuthenticationRequired } from "@/lib/errors";
import { SESSION_COOKIE } from "./options";
import { loadSessionUser, type QuireToken, type SessionUser } from "./session-user";

export type { SessionUser };

/**
 * The signed-in user for this request, checked against the database (session
 * version, current role), or null. Reads the session cookie, so never call it
 * while rendering a public page: that would make the page differ per reader.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  const token = await decode({ token: value, secret: serverSecret() }).catch(() => null);
  return loadSessionUser(token as Partial<QuireToken> | null);
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthenticationRequired();
  return user;
}
