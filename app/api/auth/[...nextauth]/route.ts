import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { UnsupportedMediaType } from "@/lib/errors";
import { assertSameOrigin, json, MAX_JSON_BYTES, readLimitedText, route } from "@/lib/http";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own POSTs (log in, log out) are form posts. Anything else is
 * refused before next-auth sees it: it would answer invalid JSON with a 500,
 * and it reads a body of any size. Another site's form is refused too: its
 * CSRF token already stops one, and this says so plainly, as for every route.
 */
export const POST = route(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaType("Send the form as application/x-www-form-urlencoded.");
  }
  const body = await readLimitedText(request, MAX_JSON_BYTES);
  // next-auth reads the body and query from this request, and headers and cookies from Next's own.
  return handler(new NextRequest(request.url, { method: "POST", headers: { "content-type": contentType }, body }), context);
});

/**
 * next-auth answers a GET of the credentials callback (a login form's target,
 * opened as a link) with a 500; tell the person where to log in instead.
 */
export const GET = route(async (request: Request, context: Context) => {
  const [action, provider] = (await context.params).nextauth;
  if (action === "callback" && provider === "credentials") {
    return json({ error: "Log in with the form at /login." }, 405, { Allow: "POST" });
  }
  return handler(request, context);
});
