// The page under test as Quire sent it, and the bare node:http server that
// replays it (reference-server.mjs).
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, hasExited, spawnDetached } from "./processes.mjs";
import { rawGet, type RawResponse } from "./raw-get.mjs";

/** Per-connection or per-moment headers: the replaying server sends its own. */
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export type PageSnapshot = RawResponse;

export type ReferenceServer = { url: string; process: ChildProcess };

export function replayableHeaders(snapshot: PageSnapshot): Array<[string, string]> {
  return snapshot.headers.filter(([name]) => !OWN_HEADERS.has(name.toLowerCase()));
}

/** Waits until `url` answers with the snapshot's status. */
export async function waitForReplay(url: string, child: ChildProcess, status: number, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (hasExited(child)) throw new Error(`${what} exited during start`);
    try {
      if ((await rawGet(url)).status === status) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start`);
}

export async function startNodeReference(dir: string, snapshot: PageSnapshot): Promise<ReferenceServer> {
  const responseFile = path.join(dir, "reference-response.json");
  const bodyFile = path.join(dir, "reference-body.html");
  fs.writeFileSync(responseFile, JSON.stringify({ status: snapshot.status, headers: replayableHeaders(snapshot) }));
  fs.writeFileSync(bodyFile, snapshot.body);
  const port = await freePort();
  const script = path.join(import.meta.dirname, "reference-server.mjs");
  const child = spawnDetached(process.execPath, [script, responseFile, bodyFile, String(port)]);
  const url = `http://127.0.0.1:${port}/`;
  await waitForReplay(url, child, snapshot.status, "the node:http reference");
  return { url, process: child };
}
