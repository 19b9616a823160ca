// The repository's deployment config (./nginx.conf) run outside /etc, in a
// temporary folder of its own: by the test helper (tests/helpers/nginx.ts) and
// the benchmark (scripts/bench/). Only what must change to run there changes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEPLOY_CONFIG = path.join(path.dirname(fileURLToPath(import.meta.url)), "nginx.conf");
/** The deployment config's `server 127.0.0.1:300N ...;` lines in its upstream block. */
const UPSTREAM_SERVERS = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm;

/**
 * The deployment config's site, with one upstream line per `upstreams` entry
 * (host:port, each with the parameters the config gives its own lines), its
 * cache in `dir` and listening on 127.0.0.1:`port`.
 */
export function localSiteConfig(dir: string, port: number, upstreams: string[]): string {
  const shipped = fs.readFileSync(DEPLOY_CONFIG, "utf8");
  const [first] = [...shipped.matchAll(UPSTREAM_SERVERS)];
  if (!first) throw new Error(`${DEPLOY_CONFIG} has no \`server 127.0.0.1:PORT ...;\` line in its upstream`);
  const [, indent, parameters = ""] = first;
  const servers = upstreams.map((host) => `${indent}server ${host}${parameters};\n`).join("");
  let placed = false;
  return shipped
    .replace(UPSTREAM_SERVERS, () => (placed ? "" : ((placed = true), servers)))
    .replace("/var/cache/nginx/quire", path.join(dir, "cache"))
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
}

/**
 * nginx's main config for a folder of its own: in the foreground, one worker,
 * its pid, error log and temporary files under `dir`, and an `http` block of
 * `httpDirectives` (one per line).
 */
export function localMainConfig(dir: string, httpDirectives: string[], { workerConnections = 1024 } = {}): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `${name}_temp_path ${path.join(dir, name)};`);
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections ${workerConnections}; }
http {
${[...temp, ...httpDirectives].map((line) => `  ${line}`).join("\n")}
}
`;
}
