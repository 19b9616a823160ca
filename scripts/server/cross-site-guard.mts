import type http from "node:http";
import { siteUrl } from "@/lib/config";
import { hostNextComparesWith } from "./blanked-origin.mjs";

/**
 * A POST to a page is a server action: a form sent without JavaScript, or the
 * page's own fetch with a Next-Action header. Next's only CSRF check compares
 * the Origin's host with the Host, and answers a mismatch (or an Origin it
 * cannot parse) with a 500; it never reads Sec-Fetch-Site. This refuses, with
 * a 403 and a sentence, before Next reads the body, whatever the browser says
 * that is not "this very site": Sec-Fetch-Site other than same-origin (or
 * none, a person typing the address), or an Origin that is neither SITE_URL's
 * nor the Host's (the same rule as Next's, so a proxy that passes the Host
 * keeps working). A request with neither header is not a browser's and cannot
 * carry a visitor's cookies without their say; it goes on, as in lib/http.ts.
 * Runs after restoreBlankedOrigin, which vouches for a same-origin `null`.
 */
export function isCrossSitePagePost(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/")) return false;
  const fetchSite = req.headers["sec-fetch-site"];
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (another site's no-referrer page, a sandboxed frame) or no URL at all.
    return true;
  }
  return originHost !== new URL(siteUrl()).host && originHost !== hostNextComparesWith(req);
}

/** Most a refused POST's body is read (and dropped) before the answer, so the client is not cut off mid-send. */
const MAX_DRAINED_BYTES = 1024 * 1024;

export function refuseCrossSitePost(req: http.IncomingMessage, res: http.ServerResponse): void {
  let size = 0;
  const answer = () => {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
    res.end("This form can only be sent from this site's own pages. Open the page on this site and send it from there.");
  };
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_DRAINED_BYTES) req.destroy();
  });
  req.once("end", answer);
}
