import crypto from "node:crypto";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A client address of its own, as if each request came from a different reader. */
export function randomIp(): string {
  return `198.51.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
}

/**
 * Calls a route handler's POST directly with a JSON body (a string is sent as
 * written), from `ip` (the production server puts the socket's address in
 * X-Forwarded-For).
 */
export function postJson(
  handler: RouteHandler,
  body: unknown,
  { ip = randomIp(), headers = {} }: { ip?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const request = new Request("http://localhost:3000/api", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}
