import type http from "node:http";

/**
 * A page served with Referrer-Policy: no-referrer (the password-reset page,
 * whose address holds a token) makes the browser send `Origin: null` with its
 * form POSTs, and Next's server actions refuse an Origin that does not name
 * the Host, so that page's form could not work without JavaScript (with it,
 * fetch() sends the real Origin). The browser also sends Sec-Fetch-Site,
 * which no page can set, and it is "same-origin" only when a page of this
 * very site sent the form. For exactly that pair the Origin is restored to
 * the Host's, as Next compares it. Any other `null` (another site's
 * no-referrer page or a sandboxed frame: Sec-Fetch-Site "cross-site") reaches
 * Next as it came and is refused, as is every request from a browser too old
 * to send Sec-Fetch-Site.
 */
export function restoreBlankedOrigin(req: http.IncomingMessage): void {
  if (req.headers.origin !== "null" || req.headers["sec-fetch-site"] !== "same-origin") return;
  const host = hostNextComparesWith(req);
  if (host) req.headers.origin = `http://${host}`;
}

/** The host Next checks a server action's Origin against: X-Forwarded-Host's first entry, else Host. */
export function hostNextComparesWith(req: http.IncomingMessage): string | undefined {
  const forwarded = req.headers["x-forwarded-host"];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0])?.trim() || req.headers.host;
}
