// nginx serving the page under test from a file, as a second reference; used
// only when nginx is installed. Everything it writes stays in its own folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { freePort, onInterrupted, spawnDetached, stopGroup } from "./processes.mjs";
import { replayableHeaders, waitForReplay, type PageSnapshot, type ReferenceServer } from "./reference.mjs";
import { localMainConfig } from "../deploy/local-nginx.mjs";

const CANDIDATES = ["nginx", "/usr/sbin/nginx"];
/** nginx sets these from the file itself. */
const NGINX_SETS = new Set(["content-type", "content-length"]);

export function findNginx(): { command: string; version: string } | null {
  for (const command of CANDIDATES) {
    const run = spawnSync(command, ["-v"], { encoding: "utf8" });
    if (!run.error) return { command, version: `${run.stderr}${run.stdout}`.trim() };
  }
  return null;
}

function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function config(dir: string, port: number, snapshot: PageSnapshot): string {
  const contentType = snapshot.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "text/html";
  // "$" would start an nginx variable and has no escape; no Quire header carries one.
  const addHeaders = replayableHeaders(snapshot)
    .filter(([name, value]) => !NGINX_SETS.has(name.toLowerCase()) && !value.includes("$"))
    .map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`);
  return localMainConfig(dir, [
    "access_log off;",
    "server_tokens off;",
    "sendfile on;",
    "tcp_nopush on;",
    "etag off;",
    "# wrk keeps its connections for the whole run; nginx would close each after",
    "# 1000 requests by default, while node:http and Quire never do.",
    "keepalive_requests 10000000;",
    "server {",
    `  listen 127.0.0.1:${port};`,
    `  root ${dir}/www;`,
    "  location / {",
    "    types { }",
    `    default_type ${quoted(contentType)};`,
    "    try_files /page.html =404;",
    ...addHeaders,
    "  }",
    "}",
  ]);
}

export type NginxReference = ReferenceServer & { stop(): Promise<void> };

/**
 * Starts nginx on a free port. Its folder is world-readable because nginx,
 * started as root, reads files as an unprivileged worker user.
 */
export async function startNginxReference(command: string, snapshot: PageSnapshot): Promise<NginxReference> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-nginx-"));
  fs.chmodSync(dir, 0o755);
  onInterrupted(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, "www"), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "www", "page.html"), snapshot.body, { mode: 0o644 });
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "nginx.conf"), config(dir, port, snapshot));
  const child = spawnDetached(command, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await stopGroup(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForReplay(url, child, 200, `nginx (see ${dir}/error.log)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}
