import crypto from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { Parser } from "htmlparser2";

/**
 * Quire's Content-Security-Policy for its HTML pages, built from the page itself.
 *
 * Scripts run only from this site's own files ('self': Next's chunks, /embed.js)
 * and from the inline scripts Next writes into the page (its bootstrap and the
 * React Server Components payload), each allowed by the SHA-256 of its text. No
 * 'unsafe-inline', so a script that got into a post, a title or an attribute
 * does not run, and no nonce: a nonce stored with a cached page would be the
 * same for every reader, which makes it no secret. A hash is as cacheable as the
 * page it came from: the same bytes always give the same hashes, so a stored
 * page and its stored policy never disagree.
 */

/** Script types a browser executes; `application/ld+json` and other data blocks are not scripts. */
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module", "text/ecmascript"]);

/** The sha256 source expression of every inline script in `html` that a browser would run, in page order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  let text: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      const type = (attributes.type ?? "").trim().toLowerCase();
      if (name === "script" && attributes.src === undefined && EXECUTABLE_TYPES.has(type)) text = "";
    },
    ontext(chunk) {
      if (text !== null) text += chunk;
    },
    onclosetag(name) {
      if (name !== "script" || text === null) return;
      hashes.add(`'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`);
      text = null;
    },
  });
  parser.write(html);
  parser.end();
  return [...hashes];
}

/** The policy of a page whose inline scripts have these hashes. */
export function pagePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(" "),
    // React writes style attributes; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // Editors may show a picture from another site in an article (lib/markdown.ts allows http and https).
    "img-src 'self' data: https: http:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

type HtmlResponse = { headers: OutgoingHttpHeaders; body: Buffer };

function isHtml(headers: OutgoingHttpHeaders): boolean {
  return /^text\/html\b/i.test(String(headers["content-type"] ?? ""));
}

/**
 * Gives an HTML response the page policy for its own inline scripts. What the
 * route said already stays: its directives (next.config.ts's frame-ancestors)
 * follow the page policy, and a route that wrote its own script or default
 * rule (the widgets, which run no script at all) keeps its policy as it is.
 * Anything that is not HTML passes unchanged.
 */
export function withContentSecurityPolicy<T extends HtmlResponse>(response: T): T {
  if (!isHtml(response.headers)) return response;
  const given = String(response.headers["content-security-policy"] ?? "").trim();
  if (/(^|;)\s*(script-src|default-src)\b/i.test(given)) return response;
  const policy = [pagePolicy(inlineScriptHashes(response.body.toString("utf8"))), given].filter(Boolean).join("; ");
  return { ...response, headers: { ...response.headers, "content-security-policy": policy } };
}
