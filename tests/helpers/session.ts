import type { BrowserContext } from "playwright-core";
import { inject } from "vitest";

/**
 * POSTs to next-auth's credentials callback as its login form does: with a
 * fresh CSRF token and its cookie, not following the redirect. `body` may
 * replace the form, e.g. to send something next-auth's form never would.
 */
export async function postCredentials(
  fields: Record<string, string>,
  {
    baseURL = inject("baseURL"),
    contentType = "application/x-www-form-urlencoded",
    body,
  }: { baseURL?: string; contentType?: string; body?: (csrfToken: string) => string } = {},
): Promise<Response> {
  const csrfResponse = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  return fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": contentType, cookie: cookiePairs(csrfResponse) },
    body: body ? body(csrfToken) : new URLSearchParams({ csrfToken, ...fields }),
  });
}

/**
 * Logs in through next-auth's real credentials flow (CSRF token, then the
 * callback POST) and returns the Cookie header for later requests.
 */
export async function loginCookie(username: string, password: string, baseURL = inject("baseURL")): Promise<string> {
  const response = await postCredentials({ username, password, callbackUrl: `${baseURL}/` }, { baseURL });
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
