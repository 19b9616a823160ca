// nginx with the repository's deployment config (scripts/deploy/nginx.conf) in
// front of Quire processes the bench started, with nginx's own cache off so the
// figures are Quire's: only its paths, port and upstream lines change.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { freePort, onInterrupted, spawnDetached, stopGroup } from "./processes.mjs";
import { waitForReplay } from "./reference.mjs";
import { DEPLOY_CONFIG, localMainConfig, localSiteConfig } from "../deploy/local-nginx.mjs";

export type NginxProxy = { url: string; stop(): Promise<void> };

function siteConfig(dir: string, port: number, upstreams: string[]): string {
  const site = localSiteConfig(dir, port, upstreams).replaceAll("proxy_cache quire;", "proxy_cache off;");
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
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    localMainConfig(dir, [
      "access_log off;",
      "# As in the nginx reference: wrk keeps its connections for the whole run.",
      "keepalive_requests 10000000;",
      `include ${dir}/quire.conf;`,
    ]),
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
