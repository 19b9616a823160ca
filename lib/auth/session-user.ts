import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Role } from "./roles";

export type SessionUser = { id: number; username: string; role: Role; bannedUntil: Date | null; banReason: string | null };

/**
 * The claims Quire keeps in its JWT: the account's id and its session version.
 * Whatever else a token holds (next-auth's iat, exp, jti, name) is not read here.
 */
export const quireClaimsSchema = z.object({ uid: z.number().int().positive(), sv: z.number().int().min(0) });
export type QuireToken = z.infer<typeof quireClaimsSchema>;
export type SessionClaims = QuireToken & { name: string };

/**
 * A new session's token contents, whichever way the person logged in
 * (next-auth's credentials callback or the login server action).
 */
export function sessionClaims(user: { id: number; username: string; sessionVersion: number }): SessionClaims {
  return { uid: user.id, sv: user.sessionVersion, name: user.username };
}

/**
 * A JWT is only as good as the account behind it: its claims must be the ones
 * Quire writes, the user must still exist and the token's session version must
 * match (a password reset, a role change or disabling the account bumps it,
 * ending every session opened before) and the account must not be disabled.
 * A token that fails any of these is nobody: not signed in. Role and ban come
 * fresh from the database.
 */
export async function loadSessionUser(token: unknown): Promise<SessionUser | null> {
  const claims = quireClaimsSchema.safeParse(token);
  if (!claims.success) return null;
  const user = await db.user.findUnique({
    where: { id: claims.data.uid },
    select: { id: true, username: true, role: true, bannedUntil: true, banReason: true, sessionVersion: true, disabledAt: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.data.sv) return null;
  return { id: user.id, username: user.username, role: user.role, bannedUntil: user.bannedUntil, banReason: user.banReason };
}
