import "server-only";
import { db } from "@/lib/db";
import type { Role } from "./roles";

export type SessionUser = { id: number; username: string; role: Role; bannedUntil: Date | null; banReason: string | null };

/** The claims Quire keeps in its JWT. */
export type QuireToken = { uid: number; sv: number };
export type SessionClaims = QuireToken & { name: string };

/**
 * A new session's token contents, whichever way the person logged in
 * (next-auth's credentials callback or the login server action).
 */
export function sessionClaims(user: { id: number; username: string; sessionVersion: number }): SessionClaims {
  return { uid: user.id, sv: user.sessionVersion, name: user.username };
}

/**
 * A JWT is only as good as the account behind it: the user must still exist
 * and the token's session version must match (a password reset bumps it,
 * ending every session opened before). Role and ban come fresh from the database.
 */
export async function loadSessionUser(token: Partial<QuireToken> | null | undefined): Promise<SessionUser | null> {
  if (!token || typeof token.uid !== "number" || typeof token.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, username: true, role: true, bannedUntil: true, banReason: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== token.sv) return null;
  return { id: user.id, username: user.username, role: user.role, bannedUntil: user.bannedUntil, banReason: user.banReason };
}
