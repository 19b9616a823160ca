import http from "node:http";

/**
 * A form POST to a page is how a server action arrives without JavaScript.
 * Next parses it with its own multipart reader and answers a malformed body
 * (a broken boundary, a truncated upload) with a bare 500. This reads the body
 * of such a POST first (at most MAX_FORM_BYTES), answers 400 or 413 with a
 * sentence if it is not a form the platform can parse, and otherwise hands
 * Next an identical request to read.
 */
const MAX_FORM_BYTES = 1024 * 1024;
const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;

export function needsFormCheck(req: http.IncomingMessage): boolean {
  return req.method === "POST" && !(req.url ?? "").startsWith("/api/") && FORM_TYPES.test(req.headers["content-type"] ?? "");
}

/** Resolves to a request Next can read again, or null after answering the client itself. */
export async function checkFormPost(req: http.IncomingMessage, res: http.ServerResponse): Promise<http.IncomingMessage | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) {
      refuse(res, 413, "That form is too large to send.");
      return null;
    }
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  try {
    await new Response(body, { headers: { "content-type": req.headers["content-type"]! } }).formData();
  } catch {
    refuse(res, 400, "That form could not be read. Please go back, reload the page and send it again.");
    return null;
  }
  const replay = new http.IncomingMessage(req.socket);
  Object.assign(replay, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
  });
  replay.push(body);
  replay.push(null);
  // Like a real request once read: complete, and closed after its end.
  replay.complete = true;
  replay.once("end", () => replay.destroy());
  return replay;
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(message);
}
