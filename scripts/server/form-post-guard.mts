import http from "node:http";
import { isUtf8 } from "node:buffer";
import { actionCallProblem, formActionProblem } from "./action-payload.mjs";

/**
 * A POST to a page is how a server action arrives: without JavaScript, a
 * multipart form post; with it, a request carrying a
 * Next-Action header, whose body is React's reply format (JSON rows, alone
 * or as form fields). Next reads either with its own parsers and answers a
 * malformed body (a broken boundary, a truncated upload, a row that is not
 * JSON, a reference to nothing) with a bare 500. This reads the body first
 * (at most MAX_FORM_BYTES), answers 400 or 413 with a sentence if it is not
 * one the platform can read, and otherwise hands Next an identical request.
 */
const MAX_FORM_BYTES = 1024 * 1024;
const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;
const MULTIPART = /^multipart\/form-data\s*(;|$)/i;

const UNREADABLE = "That form could not be read. Please go back, reload the page and send it again.";

/** Every POST outside /api/: only server actions take a POST there. */
export function needsFormCheck(req: http.IncomingMessage): boolean {
  return req.method === "POST" && !(req.url ?? "").startsWith("/api/");
}

/** Resolves to a request Next can read again, or null after answering the client itself. */
export async function checkFormPost(req: http.IncomingMessage, res: http.ServerResponse): Promise<http.IncomingMessage | null> {
  // Next would ignore any other body and answer with the page, as if the form had been sent.
  if (req.headers["next-action"] === undefined && !MULTIPART.test(req.headers["content-type"] ?? "")) {
    refuse(res, 415, "Forms on this site are sent as multipart/form-data, as the page's own form does.");
    return null;
  }
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
  // Quire's forms carry text only (pictures go to /api/admin/images), so the whole body is UTF-8 text.
  if (!isUtf8(body)) {
    refuse(res, 400, "That form was not sent as UTF-8 text. Please go back, reload the page and send it again.");
    return null;
  }
  const problem = await payloadProblem(req, body);
  if (problem) {
    refuse(res, 400, UNREADABLE);
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

/** Why Next could not read this body as a form or a server action call, or null if it can. */
async function payloadProblem(req: http.IncomingMessage, body: Buffer): Promise<string | null> {
  const contentType = req.headers["content-type"] ?? "";
  let fields: [string, string][] = [];
  if (FORM_TYPES.test(contentType)) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
      fields = [...form].map(([name, value]) => [name, typeof value === "string" ? value : ""]);
    } catch {
      return "not a form";
    }
  }
  if (req.headers["next-action"] === undefined) return formActionProblem(fields);
  // A call from the page's script: multipart when it carries a form, otherwise one JSON row, whatever the type says.
  return actionCallProblem(MULTIPART.test(contentType) ? fields : [["0", body.toString("utf8")]]);
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(message);
}
