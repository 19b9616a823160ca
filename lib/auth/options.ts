import "server-only";
import { z } from "zod";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverSecret, siteUrl } from "@/lib/config";
import { clientIp } from "@/lib/http";
import { authenticate, LOGIN_INCOMPLETE, LOGIN_UNAVAILABLE } from "@/lib/accounts/login";
import { loginSchema } from "@/lib/accounts/login-schema";
import { DomainError, ServiceBusy, isDatabaseBusy } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { safeCallbackPath } from "./callback-url";
import { loadSessionUser, quireClaimsSchema, sessionClaims } from "./session-user";

class SessionRevoked extends Error {}

/** What the session callback shows of a token, as the jwt callback just wrote it. */
const shownClaimsSchema = z.object({ name: z.string(), role: z.enum(Role) });

const useSecureCookies = siteUrl().startsWith("https://");
/** next-auth's session cookie name, which depends on whether the site is served over HTTPS. */
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
/**
 * next-auth's own defaults for that cookie, written out because the login
 * server action issues the very same cookie (lib/auth/session-cookie.ts).
 */
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies } as const;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authOptions: AuthOptions = {
  secret: serverSecret(),
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  cookies: { sessionToken: { name: SESSION_COOKIE, options: SESSION_COOKIE_OPTIONS } },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Quire",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(LOGIN_INCOMPLETE);
        // next-auth hands over the headers as a plain record.
        const headers: Record<string, string | string[] | undefined> = request?.headers ?? {};
        const ip = clientIp({ headers: { get: (name) => [headers[name]].flat()[0] ?? null } });
        try {
          const user = await authenticate(parsed.data, ip);
          return { id: String(user.id), ...sessionClaims(user) };
        } catch (error) {
          // next-auth puts this message in the login page's ?error= parameter,
          // so only a sentence meant for the reader may leave; a cause is logged.
          if (error instanceof DomainError) throw new Error(error.message);
          if (isDatabaseBusy(error)) throw new Error(new ServiceBusy().message);
          console.error("Login failed unexpectedly:", error);
          throw new Error(LOGIN_UNAVAILABLE);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...quireClaimsSchema.parse(user), name: user.name };
      // Checked on every request: a reset password (new session version), a
      // deleted account or claims Quire did not write end the session; next-auth
      // then clears the cookie.
      const current = await loadSessionUser(token);
      if (!current) throw new SessionRevoked("session ended");
      return { ...token, name: current.username, role: current.role };
    },
    async session({ session, token }) {
      const shown = shownClaimsSchema.safeParse(token);
      if (!shown.success) throw new SessionRevoked("unreadable claims");
      return { ...session, user: shown.data };
    },
    async redirect({ url, baseUrl }) {
      return safeCallbackPath(url, baseUrl);
    },
  },
  logger: {
    error(code, metadata) {
      const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (code === "JWT_SESSION_ERROR" && cause instanceof SessionRevoked) return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      if (code === "NEXTAUTH_URL" && siteUrl()) return;
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
