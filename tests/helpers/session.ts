import type { BrowserContext } from "playwright-core";
import { inject } from "vitest";

/**
 * Logs in through next-auth's real credentials flow (CSRF token, then the
 * callback POST) and returns the Cookie header for later requests.
 */
export async function loginCookie(username: string, password: string, baseURL = inject("baseURL")): Promise<string> {
  const csrfResponse = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiePairs(csrfResponse);
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseURL}/` }),
  });
  const session = cookiePairs(response)
    .split("; ")
    .find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login as ${username} failed (status ${response.status}, ${response.headers.get("location")})`);
  return session;
}

function cookiePairs(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** Logs a browser context in, as if the user had used the login form. */
export async function loginBrowser(context: BrowserContext, username: string, password: string, baseURL = inject("baseURL")) {
  const cookie = await loginCookie(username, password, baseURL);
  const [name, ...rest] = cookie.split("=");
  await context.addCookies([{ name: name!, value: rest.join("="), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}
