// The production HTTP server: Next's request handler behind node:http.
// It exists so that the client address Quire sees is the socket's, not a
// header a client can forge: Next alone keeps any X-Forwarded-For it is sent,
// which would let one client dodge every per-address limit.
import http from "node:http";
import next from "next";
import { loadErrorPageBodies, serveErrorPageBodies } from "./error-page-bodies.mjs";
import { checkFormPost, needsFormCheck } from "./form-post-guard.mjs";

const port = Number(process.env.PORT) || 3000;
const hostname = process.env.HOST ?? "0.0.0.0";
// Set TRUST_PROXY=1 only behind a reverse proxy that sets X-Forwarded-For itself.
const trustProxy = process.env.TRUST_PROXY === "1";

const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();
const errorPageBodies = loadErrorPageBodies(process.cwd());

/** A path Next cannot decode (a stray "%", a broken UTF-8 sequence); Next answers those with a bare 500. */
function hasMalformedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]!);
    return false;
  } catch {
    return true;
  }
}

function refuseMalformedPath(req: http.IncomingMessage, res: http.ServerResponse) {
  const message = "That address is not valid: it has a broken %-escape. Check the link and try again.";
  const wantsJson = (req.url ?? "").startsWith("/api/");
  res.writeHead(400, { "content-type": wantsJson ? "application/json" : "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(wantsJson ? JSON.stringify({ error: message }) : message);
}

const server = http.createServer((req, res) => {
  if (hasMalformedPath(req.url)) return refuseMalformedPath(req, res);
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-real-ip"];
  }
  serveErrorPageBodies(req, res, errorPageBodies);
  if (!needsFormCheck(req)) return void handle(req, res);
  void checkFormPost(req, res).then((checked) => checked && handle(checked, res));
});
server.listen(port, hostname, () => console.log(`Quire is listening on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
