import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { withContentSecurityPolicy } from "@/lib/security/content-security-policy";

export type CapturedResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

const OVERRIDDEN = ["writeHead", "write", "end", "flushHeaders"] as const;

function toBuffer(chunk: unknown, encoding?: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/**
 * Lets a handler (Next) write a whole response into memory instead of onto the
 * socket: the cache needs the complete page, its status and headers before the
 * first byte goes out, to store it and to answer with its ETag and encoding.
 * Resolves when the handler ends the response, or with null if the client
 * goes away first. Call `releaseResponse` before writing the real answer.
 */
export function captureResponse(res: ServerResponse): Promise<CapturedResponse | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const own = res as unknown as Record<(typeof OVERRIDDEN)[number], unknown>;
    own.writeHead = (status: number, reason?: unknown, headers?: unknown) => {
      res.statusCode = status;
      const given = typeof reason === "object" ? reason : headers;
      if (Array.isArray(given)) {
        for (let i = 0; i + 1 < given.length; i += 2) res.setHeader(String(given[i]), given[i + 1] as string);
      } else if (given) {
        for (const [name, value] of Object.entries(given as OutgoingHttpHeaders))
          if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    };
    own.flushHeaders = () => {};
    own.write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
      chunks.push(toBuffer(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") queueMicrotask(() => done());
      return true;
    };
    own.end = (chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      const done = [chunk, encoding, callback].find((a) => typeof a === "function") as (() => void) | undefined;
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      if (done) queueMicrotask(done);
      return res;
    };
    res.once("close", () => resolve(null));
  });
}

/**
 * Gives the response its own methods back (wrappers laid over ours, such as
 * scripts/error-page-bodies.mts, are instance properties too and go the same
 * way) and forgets the headers the handler set.
 */
export function releaseResponse(res: ServerResponse): void {
  for (const name of OVERRIDDEN) Reflect.deleteProperty(res, name);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
}

/** Requests whose answer is never an HTML page: Next's own files, pictures, the JSON API. They stream as rendered. */
const NEVER_PAGES = /^\/(_next|media|api)\//;

/**
 * Renders a request no cache stores (a signed-in reader's page, a form's
 * answer) into memory and sends it whole, with its Content-Security-Policy:
 * the policy names the hashes of the page's inline scripts, so it can only be
 * written once the page is complete. Other answers go straight through.
 */
export async function renderWithPolicy(
  req: IncomingMessage,
  res: ServerResponse,
  render: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<void> {
  if (NEVER_PAGES.test(req.url ?? "/")) return render(req, res);
  const captured = captureResponse(res);
  render(req, res);
  const response = await captured;
  if (!response) return;
  releaseResponse(res);
  sendCaptured(res, withContentSecurityPolicy(response), req.method === "HEAD");
}

export function sendCaptured(res: ServerResponse, response: CapturedResponse, head: boolean): void {
  res.writeHead(response.status, response.headers);
  res.end(head ? undefined : response.body);
}
