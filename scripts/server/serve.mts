// The production HTTP server: the response cache (lib/response-cache), then
// Next's request handler, behind node:http. Besides the cache it exists so
// that the client address Quire sees is the socket's, not a header a client
// can forge: Next alone keeps any X-Forwarded-For it is sent, which would let
// one client dodge every per-address limit.
import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, announceClientIpHeader } from "@/lib/client-address";
import { pageCacheOptions, siteUrl } from "@/lib/config";
import { renderWithPolicy } from "@/lib/response-cache/capture";
import { PageCache } from "@/lib/response-cache/page-cache";
import { startSharedInvalidations } from "@/lib/response-cache/shared-invalidations";
import { dialectOf } from "@/lib/db/dialect";
import { loadErrorPageBodies, serveErrorPageBodies } from "./error-page-bodies.mjs";
import { checkFormPost, needsFormCheck } from "./form-post-guard.mjs";
import { restoreBlankedOrigin } from "./blanked-origin.mjs";
import { isCrossSitePagePost, refuseCrossSitePost } from "./cross-site-guard.mjs";
import { responseClassFor } from "./strict-transport.mjs";
import { startPublishingScheduler } from "@/lib/editorial/schedule";
import { startMailWorker } from "@/lib/mail/worker";

/**
 * An address Quire can never answer: a path Next cannot decode (a stray "%",
 * a broken UTF-8 sequence), which Next answers with a bare 500; or one with
 * NUL (%00) in the path, which no page or slug holds and which
 * PostgreSQL refuses to compare with text (an error, not a miss).
 */
function hasMalformedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]!);
    return /%00/.test((url ?? "/").split("?")[0]!);
  } catch {
    return true;
  }
}

function refuseMalformedPath(req: http.IncomingMessage, res: http.ServerResponse) {
  const message = "That address is not valid: it has a broken %-escape or a NUL character. Check the link and try again.";
  const wantsJson = (req.url ?? "").startsWith("/api/");
  res.writeHead(400, {
    "content-type": wantsJson ? "application/json" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(wantsJson ? JSON.stringify({ error: message }) : message);
}

/**
 * Next answers permanentRedirect() (an article's old address) with 308. For a
 * page moved for good, 301 is what search engines and every client expect, and
 * for GET the two mean the same, so a page's 308 leaves as 301.
 */
function answerMovedPagesWith301(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) =>
    writeHead(status === 308 ? 301 : status, ...rest)) as typeof res.writeHead;
  // Next often sets statusCode and ends without calling writeHead.
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (res.statusCode === 308 && !res.headersSent) res.statusCode = 301;
    return end(...args);
  }) as typeof res.end;
}

export async function serve({ port, hostname, dir }: { port: number; hostname: string; dir: string }): Promise<http.Server> {
  // clientIp (lib/http.ts) believes CLIENT_IP_HEADER only after this; it decides about TRUST_PROXY itself.
  announceClientIpHeader();
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const errorPageBodies = loadErrorPageBodies(dir);

  const render = (req: http.IncomingMessage, res: http.ServerResponse) => {
    serveErrorPageBodies(req, res, errorPageBodies);
    answerMovedPagesWith301(req, res);
    void handle(req, res);
  };
  const options = pageCacheOptions();
  const cache = options ? new PageCache(options, render) : null;
  // On PostgreSQL several processes may serve one site: each tells the others what its writes changed.
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const shared =
    cache && dialectOf(databaseUrl) === "postgres"
      ? startSharedInvalidations(databaseUrl, (changed) => cache.store.invalidate(changed))
      : null;
  if (cache && shared) cache.shareInvalidations(shared.publish);

  const server = http.createServer({ ServerResponse: responseClassFor(siteUrl()) }, (req, res) => {
    if (hasMalformedPath(req.url)) return refuseMalformedPath(req, res);
    // Always overwritten, so a client's own copy of the header never reaches the app.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (cache?.serve(req, res)) return;
    restoreBlankedOrigin(req);
    if (isCrossSitePagePost(req)) return refuseCrossSitePost(req, res);
    if (!needsFormCheck(req)) return void renderWithPolicy(req, res, render);
    void checkFormPost(req, res).then((checked) => checked && renderWithPolicy(checked, res, render));
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const stopScheduler = startPublishingScheduler();
  const stopMailWorker = startMailWorker();
  server.on("close", () => {
    stopScheduler();
    stopMailWorker();
    void shared?.stop();
  });
  console.log(`Quire is listening on http://${hostname}:${port}${cache ? "" : " (response cache off)"}`);
  return server;
}
