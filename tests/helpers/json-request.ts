import crypto from "node:crypto";
import { announceClientIpHeader, CLIENT_IP_HEADER } from "@/lib/client-address";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A client address of its own, as if each request came from a different reader. */
export function randomIp(): string {
  return `198.51.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
}

/**
 * Calls a route handler's POST directly with a JSON body (a string is sent as
 * written), from `ip`: as the production server does, it puts the address in
 * CLIENT_IP_HEADER and tells clientIp (lib/http.ts) that it does.
 */
export function postJson(
  handler: RouteHandler,
  body: unknown,
  { ip = randomIp(), headers = {} }: { ip?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  announceClientIpHeader();
  const request = new Request("http://localhost:3000/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers, [CLIENT_IP_HEADER]: ip },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}
