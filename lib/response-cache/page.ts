import crypto from "node:crypto";
import zlib from "node:zlib";
import { promisify } from "node:util";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { PageRender } from "@/lib/cache";
import type { CapturedResponse } from "./capture";
import type { CachedPage, Encoding, PageStore } from "./store";

/** A redirect (an old address) and a "not found" are as cacheable as a page. */
const STORABLE_STATUSES = new Set([200, 301, 404]);

/** Headers the cache writes itself; Next's values for these are dropped. */
const OWN_HEADERS = new Set([
  "cache-control",
  "etag",
  "last-modified",
  "vary",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "cache-tag",
  "x-quire-cache",
]);

/** A response may be shared with every reader only if it is a page, not an error, and sets no cookie. */
export function isStorable(response: CapturedResponse): boolean {
  return STORABLE_STATUSES.has(response.status) && response.headers["set-cookie"] === undefined;
}

export function pageFromResponse(key: string, response: CapturedResponse, render: PageRender): CachedPage {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!OWN_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  const vary = String(response.headers.vary ?? "");
  headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  return {
    key,
    status: response.status,
    headers,
    body: response.body,
    encoded: {},
    etag: crypto.createHash("sha256").update(response.body).digest("base64url").slice(0, 27),
    tags: [...render.tags].sort(),
    expiresAt: render.expiresAt,
    wire: new Map(),
  };
}

const ETAG_SUFFIX: Record<Encoding, string> = { identity: "", gzip: "-gz", br: "-br" };

function etagOf(page: CachedPage, encoding: Encoding): string {
  return `"${page.etag}${ETAG_SUFFIX[encoding]}"`;
}

/** The response's header list as node:http takes it (name, value, name, value...), built once per page and variant. */
function wireHeaders(page: CachedPage, encoding: Encoding, state: "hit" | "miss", cacheControl: string): string[] {
  const variant = `${encoding}:${state}`;
  let wire = page.wire.get(variant);
  if (wire) return wire;
  wire = [];
  for (const [name, value] of Object.entries(page.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) wire.push(name, String(one));
  }
  const body = encoding === "identity" ? page.body : page.encoded[encoding]!;
  wire.push("cache-control", cacheControl, "etag", etagOf(page, encoding), "cache-tag", page.tags.join(","));
  wire.push("x-quire-cache", state, "content-length", String(body.length));
  if (encoding !== "identity") wire.push("content-encoding", encoding);
  page.wire.set(variant, wire);
  return wire;
}

const acceptedEncodings = new Map<string, Set<string>>();

/** The codings an Accept-Encoding header allows (q > 0), parsed once per distinct header value. */
function accepted(header: string): Set<string> {
  let found = acceptedEncodings.get(header);
  if (found) return found;
  found = new Set();
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (coding && !(q && Number(q.slice(2)) === 0)) found.add(coding);
  }
  // Clients send few distinct values; a flood of odd ones must not grow this without bound.
  if (acceptedEncodings.size > 256) acceptedEncodings.clear();
  acceptedEncodings.set(header, found);
  return found;
}

function chooseEncoding(req: IncomingMessage, page: CachedPage): Encoding {
  const header = req.headers["accept-encoding"];
  if (!header) return "identity";
  const codings = accepted(header);
  const any = codings.has("*");
  if (page.encoded.br && (codings.has("br") || any)) return "br";
  if (page.encoded.gzip && (codings.has("gzip") || any)) return "gzip";
  return "identity";
}

/** If-None-Match names this page (in any of its encodings: they are one representation's bytes). */
function isNotModified(req: IncomingMessage, page: CachedPage): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => {
    const opaque = tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    return opaque === page.etag || opaque === page.etag + ETAG_SUFFIX.gzip || opaque === page.etag + ETAG_SUFFIX.br;
  });
}

export function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  state: "hit" | "miss",
  cacheControl: string,
): void {
  const encoding = chooseEncoding(req, page);
  if (isNotModified(req, page)) {
    res.writeHead(304, [
      "cache-control",
      cacheControl,
      "etag",
      etagOf(page, encoding),
      "vary",
      String(page.headers.vary),
      "x-quire-cache",
      state,
    ]);
    res.end();
    return;
  }
  res.writeHead(page.status, wireHeaders(page, encoding, state, cacheControl));
  res.end(req.method === "HEAD" ? undefined : encoding === "identity" ? page.body : page.encoded[encoding]);
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Bodies this small gain nothing worth a header from compression. */
const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * Compresses a stored page once, in zlib's thread pool so the event loop keeps
 * serving; until a copy is ready, readers get the identity body. Brotli at
 * quality 9 is within a few percent of 11 on HTML at a fraction of the time.
 */
export async function compressPage(page: CachedPage, store: PageStore): Promise<void> {
  if (page.body.length < MIN_COMPRESSIBLE_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(page.body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length,
      },
    }),
    gzip(page.body, { level: 9 }),
  ]);
  if (br.length < page.body.length) store.addEncoding(page, "br", br);
  if (gz.length < page.body.length) store.addEncoding(page, "gzip", gz);
}
