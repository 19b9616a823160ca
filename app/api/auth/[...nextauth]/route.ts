import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { UnsupportedMediaType } from "@/lib/errors";
import { MAX_JSON_BYTES, readLimitedText, route } from "@/lib/http";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own POSTs (log in, log out) are form posts. Anything else is
 * refused before next-auth sees it: it would answer invalid JSON with a 500,
 * and it reads a body of any size.
 */
export const POST = route(async (request: Request, context: Context) => {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new UnsupportedMediaType("Send the form as application/x-www-form-urlencoded.");
  }
  const body = await readLimitedText(request, MAX_JSON_BYTES);
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
});

export { handler as GET };
