// Signs in through next-auth's real credentials flow, as the login form does:
// a CSRF token (and its cookie), then the form POST to the callback.

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** A fresh CSRF token and the cookie that goes with it: what the login form holds before it is sent. */
export type LoginForm = { csrfToken: string; cookie: string };

export async function loginForm(baseUrl: string): Promise<LoginForm> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiePairs(csrf).join("; ") };
}

/** The login form's POST, as a browser sends it; the answer is next-auth's redirect. */
export function postCredentials(baseUrl: string, form: LoginForm, username: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie },
    body: new URLSearchParams({ csrfToken: form.csrfToken, username, password, callbackUrl: `${baseUrl}/` }),
  });
}

/** The Cookie header value that carries the session of `username`. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await postCredentials(baseUrl, await loginForm(baseUrl), username, password);
  const session = cookiePairs(response).find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session)
    throw new Error(`signing in as ${username} failed (status ${response.status}, ${response.headers.get("location")})`);
  return session;
}
