// `npm run bench`: measures anonymous article-page throughput of the production
// server against a bare node:http server sending the same bytes, in one run on
// one machine, and prints both with their ratio. Needs a build (`npm run build`).
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url}: server did not start`);
}

function load(url: string) {
  const out = execFileSync(tsx, [path.join(root, "scripts", "bench", "load.mts"), url, String(connections), String(seconds)], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as {
    requests: number;
    errors: number;
    statuses: Record<string, number>;
    requestsPerSecond: number;
    megabytesPerSecond: number;
    p50ms: number;
    p99ms: number;
  };
}

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("Run `npm run build` first.");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-"));
const quirePort = await freePort();
const quire = spawn(tsx, [path.join(root, "scripts", "start.mts")], {
  cwd: root,
  stdio: "ignore",
  detached: true,
  env: { ...process.env, PORT: String(quirePort), HOST: "127.0.0.1", QUIRE_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "quire.db")}` },
});
let reference: ChildProcess | undefined;
try {
  const base = `http://127.0.0.1:${quirePort}`;
  await waitFor(`${base}/`, quire);
  const slug = process.env.BENCH_SLUG ?? "why-do-we-need-sleep";
  const articleUrl = `${base}/articles/${slug}`;
  const page = Buffer.from(await (await fetch(articleUrl)).arrayBuffer());
  const bodyFile = path.join(dataDir, "page.html");
  fs.writeFileSync(bodyFile, page);

  const referencePort = await freePort();
  reference = spawn(tsx, [path.join(root, "scripts", "bench", "reference-server.mts"), bodyFile, String(referencePort)], { stdio: "ignore" });
  const referenceUrl = `http://127.0.0.1:${referencePort}/`;
  await waitFor(referenceUrl, reference);

  console.log(`Article page: /articles/${slug} (${(page.length / 1024).toFixed(1)} KB), ${connections} connections, ${seconds} s each, ${os.cpus().length} cores`);
  load(articleUrl); // warm-up run, results discarded
  const quireResult = load(articleUrl);
  const referenceResult = load(referenceUrl);
  const row = (name: string, r: typeof quireResult) =>
    `${name.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50ms.toFixed(1).padStart(6)} ms  p99 ${r.p99ms.toFixed(1).padStart(6)} ms  errors ${r.errors}  statuses ${JSON.stringify(r.statuses)}`;
  console.log(row("Quire (anonymous article)", quireResult));
  console.log(row("bare node:http, same bytes", referenceResult));
  console.log(`ratio Quire / reference: ${(quireResult.requestsPerSecond / referenceResult.requestsPerSecond).toFixed(3)}`);
} finally {
  reference?.kill();
  try {
    process.kill(-quire.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
