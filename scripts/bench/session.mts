// Signs in through next-auth's real credentials flow, as the login form does:
// a CSRF token (and its cookie), then the form POST to the callback.

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** The Cookie header value that carries the session of `username`. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(response).find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session)
    throw new Error(`signing in as ${username} failed (status ${response.status}, ${response.headers.get("location")})`);
  return session;
}
