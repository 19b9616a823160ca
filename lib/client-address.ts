/*
 * How the client's address reaches the app. Next keeps every header a client
 * sends, X-Forwarded-For included, so no header can be believed on its own:
 * lib/http.ts (clientIp) believes X-Forwarded-For only with TRUST_PROXY=1, and
 * CLIENT_IP_HEADER only once the production server has said it sets it.
 * Not "server-only": the production server (scripts/server/serve.mts) imports it.
 */

/** Set by the production server on every request to the socket's address, replacing whatever a client sent. */
export const CLIENT_IP_HEADER = "x-quire-client-ip";

// A process-wide flag: the server and the app's bundles each hold their own copy of this module.
const flag = globalThis as unknown as { quireSetsClientIpHeader?: boolean };

/** The production server's promise, made before it serves: every request carries CLIENT_IP_HEADER, written by it. */
export function announceClientIpHeader(sets = true): void {
  flag.quireSetsClientIpHeader = sets;
}

/** Whether CLIENT_IP_HEADER comes from the production server; under a bare `next start` a client could send it. */
export function clientIpHeaderIsAnnounced(): boolean {
  return flag.quireSetsClientIpHeader === true;
}
