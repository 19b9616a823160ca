import type http from "node:http";
import { describe, expect, it } from "vitest";
import { restoreBlankedOrigin } from "../../scripts/server/blanked-origin.mjs";

function request(headers: http.IncomingHttpHeaders): http.IncomingMessage {
  // Only the headers are read: a partial request is all the function needs.
  const partial: Pick<http.IncomingMessage, "headers"> = { headers };
  return partial as http.IncomingMessage;
}

describe("the production server's handling of a blanked Origin", () => {
  it("restores the Host's origin for a form this site's own no-referrer page sent", () => {
    const req = request({ host: "quire.example:8080", origin: "null", "sec-fetch-site": "same-origin" });
    restoreBlankedOrigin(req);
    expect(req.headers.origin).toBe("http://quire.example:8080");
    const proxied = request({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "quire.example, proxy.internal",
      origin: "null",
      "sec-fetch-site": "same-origin",
    });
    restoreBlankedOrigin(proxied);
    expect(proxied.headers.origin).toBe("http://quire.example");
  });

  it("leaves every other request as it came, so Next refuses what another site sent", () => {
    for (const headers of [
      { host: "quire.example", origin: "null", "sec-fetch-site": "cross-site" },
      { host: "quire.example", origin: "null", "sec-fetch-site": "same-site" },
      { host: "quire.example", origin: "null" },
      { host: "quire.example", origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    ]) {
      const req = request({ ...headers });
      restoreBlankedOrigin(req);
      expect(req.headers.origin, JSON.stringify(headers)).toBe(headers.origin);
    }
  });
});
