import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { freshTmpDir, ROOT } from "./paths";
import { freePort } from "./free-port";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

/**
 * Runs nginx with the repository's deployment config (scripts/deploy/nginx.conf)
 * in front of `upstream`, changed only where a test must: its paths go to a
 * temporary folder, it listens on a free loopback port, and its upstream is
 * the test server. Returns its base URL and a function that stops it.
 */
export async function startNginx(upstream: URL): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = freshTmpDir("nginx");
  // Started as root, nginx's workers run as nobody: they must be able to write its cache here.
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const site = fs
    .readFileSync(path.join(ROOT, "scripts", "deploy", "nginx.conf"), "utf8")
    .replace("/var/cache/nginx/quire", path.join(dir, "cache"))
    .replace("server 127.0.0.1:3000;", `server ${upstream.host};`)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  fs.writeFileSync(path.join(dir, "quire.conf"), site);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `${name}_temp_path ${path.join(dir, name)};`);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")};`,
      "events { worker_connections 256; }",
      `http { access_log off; ${temp.join(" ")} include ${path.join(dir, "quire.conf")}; }`,
    ].join("\n"),
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
    stop: () =>
      new Promise<void>((resolve) => {
        nginx.once("exit", () => resolve());
        nginx.kill("SIGTERM");
      }),
  };
}
