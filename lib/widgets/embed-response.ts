/**
 * The one page type other sites may frame (`frame-ancestors *`; every other
 * page refuses framing, next.config.ts). The rest of the policy says what an
 * embed is: inline CSS, no script, no forms, nothing fetched.
 */
export const EMBED_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action 'none'";

/** An embed's answer. No Cache-Control here: the response cache writes it, as for every public page. */
export function embedResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": EMBED_CSP,
      "x-content-type-options": "nosniff",
    },
  });
}
