import "server-only";
import type { z } from "zod";
import { siteUrl } from "@/lib/config";
import { CLIENT_IP_HEADER, clientIpHeaderIsAnnounced } from "@/lib/client-address";
import {
  DomainError,
  Forbidden,
  PayloadTooLarge,
  RateLimited,
  ServiceBusy,
  UnsupportedMediaType,
  ValidationError,
  isDatabaseBusy,
} from "@/lib/errors";
import { assertPlainText, parseInput } from "@/lib/validation";

/** Largest JSON body any Quire endpoint accepts. A 5,000-character comment fits easily. */
export const MAX_JSON_BYTES = 64 * 1024;

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(data, {
    status,
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

/**
 * Route handlers get no CSRF protection from Next. A browser always sends
 * Sec-Fetch-Site and/or Origin on a cross-site POST, and a page on another
 * site cannot forge either, so refusing anything that is not same-origin stops
 * a form elsewhere from acting in a reader's name. Scripts (curl, tests) send
 * neither and are allowed.
 */
export function assertSameOrigin(request: Request): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new Forbidden("Requests from other sites are not accepted.");
  }
  const origin = request.headers.get("origin");
  if (origin && !allowedOrigins(request).has(origin)) {
    throw new Forbidden("Requests from other sites are not accepted.");
  }
}

function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set([new URL(siteUrl()).origin]);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed;
}

/**
 * Reads a state-changing request's JSON body: same-origin only, JSON only,
 * size-limited, then validated by the schema. Only the schema's fields survive.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_JSON_BYTES,
): Promise<z.output<S>> {
  assertSameOrigin(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new UnsupportedMediaType();
  const text = await readLimitedText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
  const repeated = repeatedKeyIn(text);
  if (repeated !== null) {
    throw new ValidationError(`The field “${repeated}” appears more than once in the request body. Send each field once.`);
  }
  assertPlainText(body);
  return parseInput(schema, body);
}

/**
 * The first key that one object of this (valid) JSON text names twice, or
 * null. JSON.parse keeps the last, another parser on the way may keep the
 * first: a body that means two things is refused rather than guessed at.
 * A scan without recursion, as deep nesting is legal JSON.
 */
function repeatedKeyIn(text: string): string | null {
  const objects: { keys: Set<string>; expectingKey: boolean }[] = [];
  const open: ("object" | "array")[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "{") {
      open.push("object");
      objects.push({ keys: new Set(), expectingKey: true });
    } else if (char === "[") open.push("array");
    else if (char === "}" || char === "]") {
      if (open.pop() === "object") objects.pop();
    } else if (char === "," && open.at(-1) === "object") objects.at(-1)!.expectingKey = true;
    else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const object = open.at(-1) === "object" ? objects.at(-1)! : null;
      if (object?.expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (object.keys.has(key)) return key;
        object.keys.add(key);
        object.expectingKey = false;
      }
      i = end;
    }
  }
  return null;
}

/** A request body as text, refused with 413 once it passes `maxBytes`, however it is sent. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new PayloadTooLarge(`The request body must be at most ${Math.floor(maxBytes / 1024)} KB.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ValidationError("The request body is not valid UTF-8 text.");
  }
}

/** Maps any error to one JSON shape: {error, fields?}. Unknown errors are logged, never shown. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body: Record<string, unknown> = { error: error.message };
    if ("fields" in error && error.fields && Object.keys(error.fields).length > 0) body.fields = error.fields;
    const headers: Record<string, string> = {};
    if (error instanceof RateLimited || error instanceof ServiceBusy) {
      headers["Retry-After"] = String(error.retryAfterSeconds);
    }
    return json(body, error.status, headers);
  }
  if (isDatabaseBusy(error)) return errorResponse(new ServiceBusy());
  console.error("Unexpected error in route handler:", error);
  return json({ error: "Something went wrong on our side. Please try again." }, 500);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure leaves through errorResponse. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const UNKNOWN_CLIENT = "unknown";

/**
 * The client's address, for per-address limits and hashes, decided here once
 * whichever server runs the app. With TRUST_PROXY=1 (only behind a reverse
 * proxy that sets X-Forwarded-For) it is the right-most X-Forwarded-For entry:
 * the address the proxy saw, after anything the client wrote itself. Otherwise
 * it is the socket's address as the production server passes it on; with
 * neither, every request is "unknown", so a forged header gains nobody a fresh
 * allowance. Takes a Request in route handlers, or `{ headers: await headers() }`
 * in server actions.
 */
export function clientIp(request: { headers: Pick<Headers, "get"> }): string {
  if (process.env.TRUST_PROXY === "1") {
    const fromProxy = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (fromProxy) return fromProxy;
  }
  if (clientIpHeaderIsAnnounced()) return request.headers.get(CLIENT_IP_HEADER)?.trim() || UNKNOWN_CLIENT;
  return UNKNOWN_CLIENT;
}
