// SIGTERM with requests in flight: posts, page loads and a post whose body is
// still arriving when the signal lands, beside a keep-alive connection left
// idle and one that has sent nothing. Every request begun gets its whole
// answer, new connections are refused, the idle ones are closed, and the
// process exits 0, without waiting out the keep-alive timeout.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import { postBody, sendPost, type PendingPosts, type Sessions } from "./clients.mjs";
import type { Ledger } from "./ledger.mjs";

/** Node's default keep-alive timeout: an idle connection that held the process open would keep it this long. */
const KEEP_ALIVE_TIMEOUT_MS = 5000;

export type DrainFigures = {
  /** What the server said it was finishing when the signal came. */
  inFlight: number;
  sent: number;
  answered: number;
  refusedAfterSignal: boolean;
  /** When the server closed the idle keep-alive connection and the silent one, after the last answer. */
  idleClosedAfterLastAnswerMs: number;
  exitCode: number | null;
  exitMs: number;
  walCheckpointed: boolean;
  failures: string[];
};

type DrainOptions = {
  baseUrl: string;
  slug: string;
  sessions: Sessions;
  ledger: Ledger;
  pending: PendingPosts;
  child: ChildProcess;
  logFile: string;
  databaseFile: string;
  tag: string;
};

/** A connection to the server, left open: after one small request answered, or with nothing sent. */
function openConnection(port: number, request?: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      if (request === undefined) return resolve(socket);
      socket.write(request);
      // The answer is small and arrives at once; the connection then stays open, idle.
      socket.once("data", () => resolve(socket));
    });
    socket.on("error", reject);
  });
}

/** When the connection was closed (by the server, or by its process ending). */
function closedBy(socket: net.Socket): Promise<number> {
  return new Promise((resolve) => (socket.destroyed ? resolve(Date.now()) : socket.once("close", () => resolve(Date.now()))));
}

/** Whether a new connection is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(true));
  });
}

/**
 * A post sent with Expect: 100-continue: node:http answers "100 Continue" as it
 * hands the request to the app, so `begun` proves the server is working on it.
 * Its body is sent when `finish()` is called.
 */
function slowPost(baseUrl: string, slug: string, marker: string) {
  const body = JSON.stringify({ body: postBody(marker) });
  const request = http.request(`${baseUrl}/api/articles/${slug}/comments`, {
    method: "POST",
    agent: false,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      origin: baseUrl,
      expect: "100-continue",
    },
  });
  const begun = new Promise<void>((resolve) => request.once("continue", resolve));
  const answer = new Promise<{ status: number; text: string }>((resolve) => {
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", (error) => resolve({ status: 0, text: String(error) }));
    });
    request.on("error", (error) => resolve({ status: 0, text: String(error) }));
  });
  request.flushHeaders();
  return { marker, begun, answer, finish: () => request.end(body) };
}

async function waitForLogLine(file: string, text: string, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (fs.readFileSync(file, "utf8").includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

export async function drainOnSigterm(options: DrainOptions): Promise<DrainFigures> {
  const { baseUrl, slug, sessions, ledger, child, tag } = options;
  const port = Number(new URL(baseUrl).port);
  const failures: string[] = [];
  const logBefore = fs.readFileSync(options.logFile, "utf8").length;

  const idle = await openConnection(port, `GET /api/auth/csrf HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const silent = await openConnection(port);
  const idleClosed = [closedBy(idle), closedBy(silent)];
  // Posts and uncached pages at full speed, then posts whose bodies wait for the
  // signal: those are surely in flight when it lands.
  const posts = Array.from({ length: 4 }, (_, i) =>
    sendPost(options, `${tag}-inflight-${i + 1}`, i % 2 === 0 ? sessions.reader : null),
  );
  const pages = [`/articles/${slug}/posts/1`, `/search?q=drain+${tag}`, `/articles/${slug}/print`].map((path) =>
    ledger.send("GET page (drain)", `${baseUrl}${path}`, {}),
  );
  const slow = Array.from({ length: 3 }, (_, i) => slowPost(baseUrl, slug, `${tag}-slow-${i + 1}`));
  await Promise.all(slow.map((post) => post.begun));

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const signalledAt = Date.now();
  child.kill("SIGTERM");
  const noticed = await waitForLogLine(options.logFile, "SIGTERM: finishing", 5000);
  const inFlight = Number(
    /SIGTERM: finishing (\d+) request/.exec(fs.readFileSync(options.logFile, "utf8").slice(logBefore))?.[1] ?? 0,
  );
  if (!noticed) failures.push("the server did not log that it was draining");
  const refusedAfterSignal = await connectionRefused(port);
  if (!refusedAfterSignal) failures.push("a new connection was accepted after SIGTERM");
  for (const post of slow) post.finish();

  const slowAnswers = await Promise.all(slow.map((post) => post.answer));
  const postAnswers = await Promise.all(posts);
  const pageAnswers = await Promise.all(pages);
  const lastAnswerAt = Date.now();
  const exitCode = await exited;
  const exitedAt = Date.now();
  const idleClosedAt = Math.max(...(await Promise.all(idleClosed)));

  slowAnswers.forEach((answer, i) => {
    const posted = JSON.parse(answer.status === 201 ? answer.text : "{}") as { id?: number };
    const result = answer.status === 201 ? "acked" : answer.status === 0 ? "unknown" : "refused";
    ledger.posts.push({ marker: slow[i]!.marker, slug, guest: true, result, status: answer.status, id: posted.id });
  });
  const sent = slowAnswers.length + postAnswers.length + pageAnswers.length;
  const answered =
    slowAnswers.filter((answer) => answer.status === 201).length +
    postAnswers.filter((post) => post.result === "acked").length +
    pageAnswers.filter((page) => page?.status === 200).length;
  if (answered < sent) failures.push(`${sent - answered} of ${sent} requests sent before SIGTERM got no full 2xx answer`);
  if (exitCode !== 0) failures.push(`the process exited with ${exitCode}, not 0`);
  // Without closing them, a keep-alive connection would hold the server for its
  // keep-alive timeout, and one that sent nothing until the headers timeout.
  if (exitedAt - lastAnswerAt >= KEEP_ALIVE_TIMEOUT_MS - 1000) {
    failures.push(`the process exited ${exitedAt - lastAnswerAt} ms after the last answer: idle connections held it open`);
  }
  if (inFlight < slow.length)
    failures.push(`the server counted ${inFlight} requests in flight, fewer than the ${slow.length} begun`);
  const wal = `${options.databaseFile}-wal`;
  const walCheckpointed = !fs.existsSync(wal) || fs.statSync(wal).size === 0;
  if (!walCheckpointed) failures.push("the database was not closed: its WAL was not checkpointed");

  return {
    inFlight,
    sent,
    answered,
    refusedAfterSignal,
    idleClosedAfterLastAnswerMs: idleClosedAt - lastAnswerAt,
    exitCode,
    exitMs: exitedAt - signalledAt,
    walCheckpointed,
    failures,
  };
}
