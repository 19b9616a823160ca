import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Next.js (through 16.4) answers notFound() in a dynamically rendered page with
 * status 404 but an empty document whose content only appears after client-side
 * JavaScript runs (vercel/next.js#62228). Readers without JavaScript, and
 * crawlers, would see a blank page. For document requests that come back 404,
 * this swaps the body for the prerendered not-found page (app/not-found.tsx),
 * which is the same helpful page an unknown URL gets.
 */
export function loadNotFoundPage(dir: string): Buffer | null {
  const file = path.join(dir, ".next", "server", "app", "_not-found.html");
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

function isDocumentRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && !req.headers["rsc"] && !req.headers["next-router-prefetch"];
}

export function serveNotFoundBodyOn404(req: IncomingMessage, res: ServerResponse, page: Buffer | null): void {
  if (!page || !isDocumentRequest(req)) return;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let replacing: boolean | undefined;
  const decide = () => {
    replacing ??= res.statusCode === 404 && String(res.getHeader("content-type") ?? "").startsWith("text/html");
    if (replacing && !res.headersSent) {
      res.removeHeader("content-length");
      res.removeHeader("content-encoding");
      res.setHeader("content-length", page.byteLength);
    }
    return replacing;
  };
  res.write = ((...args: unknown[]) => (decide() ? true : write(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!decide()) return end(...args);
    const callback = args.find((a) => typeof a === "function");
    return req.method === "HEAD" ? end(callback) : end(page, callback);
  }) as typeof res.end;
}
