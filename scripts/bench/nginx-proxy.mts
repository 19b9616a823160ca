// nginx with the repository's deployment config (scripts/deploy/nginx.conf) in
// front of Quire processes the bench started, with nginx's own cache off so the
// figures are Quire's: only its paths, port and upstream lines change.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { freePort, onInterrupted, spawnDetached, stopGroup } from "./processes.mjs";
import { waitForReplay } from "./reference.mjs";

const DEPLOY_CONFIG = path.resolve(import.meta.dirname, "..", "deploy", "nginx.conf");
/** The deployment config's `server 127.0.0.1:300N ...;` lines in its upstream block. */
const UPSTREAM_SERVERS = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm;

export type NginxProxy = { url: string; stop(): Promise<void> };

function siteConfig(dir: string, port: number, upstreams: string[]): string {
  const shipped = fs.readFileSync(DEPLOY_CONFIG, "utf8");
  const [first] = [...shipped.matchAll(UPSTREAM_SERVERS)];
  if (!first) throw new Error(`${DEPLOY_CONFIG} has no \`server 127.0.0.1:PORT ...;\` line in its upstream`);
  const [, indent, parameters = ""] = first;
  const servers = upstreams.map((host) => `${indent}server ${host}${parameters};\n`).join("");
  let placed = false;
  const site = shipped
    .replace(UPSTREAM_SERVERS, () => (placed ? "" : ((placed = true), servers)))
    .replace("/var/cache/nginx/quire", path.join(dir, "cache"))
    .replace("listen 80;", `listen 127.0.0.1:${port};`)
    .replaceAll("proxy_cache quire;", "proxy_cache off;");
  if (!site.includes("proxy_cache off;")) throw new Error(`${DEPLOY_CONFIG}: no \`proxy_cache quire;\` to turn off`);
  return site;
}

/**
 * Starts nginx on a free port in front of `upstreams` (base URLs of Quire
 * processes); resolves once a request through it reaches Quire (`probePath`
 * answers 200).
 */
export async function startNginxProxy(command: string, upstreams: string[], probePath: string): Promise<NginxProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-proxy-"));
  fs.chmodSync(dir, 0o777);
  onInterrupted(() => fs.rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "quire.conf"),
    siteConfig(
      dir,
      port,
      upstreams.map((url) => new URL(url).host),
    ),
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${dir}/${name};`);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  # As in the nginx reference: wrk keeps its connections for the whole run.
  keepalive_requests 10000000;
${temp.join("\n")}
  include ${dir}/quire.conf;
}
`,
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")];
  execFileSync(command, ["-t", "-q", ...args]);
  const child = spawnDetached(command, args, { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForReplay(`${url}${probePath}`, child, 200, `nginx in front of Quire (see ${dir}/error.log)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
