import http from "node:http";

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The response class of a site served over https (SITE_URL): every answer
 * tells the browser to use https only, for a year. It lives on the prototype
 * because the response cache's capture lays its own methods over a response
 * and later deletes them, and Node's implicit headers go through writeHead too.
 */
export function responseClassFor(siteUrl: string): typeof http.ServerResponse {
  if (!siteUrl.startsWith("https://")) return http.ServerResponse;
  class StrictTransportResponse extends http.ServerResponse {
    override writeHead(...args: unknown[]): this {
      if (!this.headersSent) this.setHeader("strict-transport-security", HSTS);
      return (http.ServerResponse.prototype.writeHead as (...a: unknown[]) => this).apply(this, args);
    }
  }
  return StrictTransportResponse as typeof http.ServerResponse;
}
