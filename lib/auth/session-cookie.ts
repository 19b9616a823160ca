import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { serverSecret } from "@/lib/config";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, SESSION_MAX_AGE_SECONDS } from "./options";
import { sessionClaims } from "./session-user";

/**
 * Logs a browser in from a server action, as next-auth's credentials callback
 * would: the same encrypted JWT (next-auth's encode, the same secret and
 * lifetime) in the same cookie, so getServerSession, /api/auth/session and
 * getCurrentUser read it alike. Call it only after lib/accounts has checked
 * the person (authenticate, signUp): this trusts its argument.
 */
export async function startSession(user: { id: number; username: string; sessionVersion: number }): Promise<void> {
  const token = await encode({ token: sessionClaims(user), secret: serverSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  (await cookies()).set(SESSION_COOKIE, token, { ...SESSION_COOKIE_OPTIONS, expires });
}

/** Logs this browser out: the cookie is replaced by an expired one with the same name, path and flags. */
export async function endSession(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", { ...SESSION_COOKIE_OPTIONS, maxAge: 0 });
}
