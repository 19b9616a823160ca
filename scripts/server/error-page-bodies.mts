import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Next.js (through 16.4) answers notFound() and forbidden() in a dynamically
 * rendered page with the right status but an empty document whose content only
 * appears after client-side JavaScript runs (vercel/next.js#62228). Readers
 * without JavaScript, and crawlers, would see a blank page. For document
 * requests that come back 404 or 403, this swaps the body for a prerendered
 * page with the site's chrome and a message a person can act on.
 */
const PRERENDERED: Record<number, string> = { 404: "_not-found.html", 403: "access-denied.html" };

export type ErrorPageBodies = Map<number, Buffer>;

export function loadErrorPageBodies(dir: string): ErrorPageBodies {
  const bodies: ErrorPageBodies = new Map();
  for (const [status, name] of Object.entries(PRERENDERED)) {
    const file = path.join(dir, ".next", "server", "app", name);
    if (fs.existsSync(file)) bodies.set(Number(status), fs.readFileSync(file));
  }
  return bodies;
}

/** The widgets' embeds (app/embed/) write their own small 404 ("no such category"), meant for a frame on another site. */
const OWN_ERROR_BODIES = /^\/embed\/(fact|history|latest)(\?|$)/;

function isDocumentRequest(req: IncomingMessage): boolean {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    !req.headers["rsc"] &&
    !req.headers["next-router-prefetch"] &&
    !OWN_ERROR_BODIES.test(req.url ?? "")
  );
}

export function serveErrorPageBodies(req: IncomingMessage, res: ServerResponse, bodies: ErrorPageBodies): void {
  if (bodies.size === 0 || !isDocumentRequest(req)) return;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let replacement: Buffer | null | undefined;
  const decide = () => {
    if (replacement === undefined) {
      const isHtml = String(res.getHeader("content-type") ?? "").startsWith("text/html");
      replacement = (isHtml && bodies.get(res.statusCode)) || null;
      if (replacement && !res.headersSent) {
        res.removeHeader("content-encoding");
        res.setHeader("content-length", replacement.byteLength);
      }
    }
    return replacement;
  };
  res.write = ((...args: unknown[]) => (decide() ? true : write(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    const body = decide();
    if (!body) return end(...args);
    const callback = args.find((a) => typeof a === "function");
    return req.method === "HEAD" ? end(callback) : end(body, callback);
  }) as typeof res.end;
}
