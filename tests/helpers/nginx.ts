import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { localMainConfig, localSiteConfig } from "../../scripts/deploy/local-nginx.mjs";
import { freshTmpDir } from "./paths";
import { freePort } from "./free-port";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

export type Nginx = {
  baseURL: string;
  /** The upstream address (host:port) of each answer so far, in order; "a, b" when nginx tried a, then b. */
  upstreamsUsed: () => string[];
  stop: () => Promise<void>;
};

/**
 * Runs nginx with the repository's deployment config (scripts/deploy/nginx.conf)
 * in front of `upstreams`, changed only where a test must: its paths go to a
 * temporary folder, it listens on a free loopback port, its upstream lines name
 * the test servers (with the config's own parameters), and it logs which
 * upstream answered each request. Returns its base URL and a function that stops it.
 */
export async function startNginx(upstreams: URL | URL[]): Promise<Nginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = freshTmpDir("nginx");
  // Started as root, nginx's workers run as nobody: they must be able to write its cache here.
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const site = localSiteConfig(
    dir,
    port,
    [upstreams].flat().map((upstream) => upstream.host),
  );
  const accessLog = path.join(dir, "upstreams.log");
  fs.writeFileSync(path.join(dir, "quire.conf"), site);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    localMainConfig(
      dir,
      ["log_format upstream '$upstream_addr';", `access_log ${accessLog} upstream;`, `include ${path.join(dir, "quire.conf")};`],
      { workerConnections: 256 },
    ),
  );
  execFileSync(NGINX, ["-t", "-q", "-c", path.join(dir, "nginx.conf"), "-p", dir]);
  const nginx: ChildProcess = spawn(NGINX, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${baseURL}/widgets`);
      break;
    } catch (error) {
      if (tries > 100 || nginx.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    baseURL,
    upstreamsUsed: () => (fs.existsSync(accessLog) ? fs.readFileSync(accessLog, "utf8").split("\n").filter(Boolean) : []),
    stop: () =>
      new Promise<void>((resolve) => {
        nginx.once("exit", () => resolve());
        nginx.kill("SIGTERM");
      }),
  };
}
