// wrk, the load generator: finds it, runs it, and reads the JSON line that
// lua/report.lua prints when a run is done.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const LUA_DIR = path.join(import.meta.dirname, "lua");

export type WrkResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  megabytesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Answers with a status of 400 or more (wrk's own count). */
  badStatus: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
  errors: number;
  /** Fields a script added through bench_report_extra(). */
  extra: Record<string, unknown>;
};

export type WrkOptions = {
  url: string;
  seconds: number;
  connections: number;
  threads: number;
  headers?: Record<string, string>;
  /** A script in lua/ to run with the report, e.g. "post-comments.lua". */
  script?: string;
  env?: Record<string, string>;
  timeoutSeconds?: number;
};

export type RunningWrk = {
  result: Promise<WrkResult>;
  /** Ends the run early; wrk still reports what it measured. */
  interrupt(): void;
};

/** wrk's version line, or null when wrk is not installed. */
export function wrkVersion(): string | null {
  const run = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (run.error) return null;
  return `${run.stdout}${run.stderr}`
    .split("\n")[0]!
    .replace(/\s+Copyright.*$/, "")
    .trim();
}

/** Writes the report hook, after the named script if any, into one file wrk can load. */
function scriptFile(workDir: string, script: string | undefined): string {
  const file = path.join(workDir, `wrk-${script ?? "report.lua"}`);
  if (!fs.existsSync(file)) {
    const parts = [...(script ? [script] : []), "report.lua"].map((name) => fs.readFileSync(path.join(LUA_DIR, name), "utf8"));
    fs.writeFileSync(file, parts.join("\n"));
  }
  return file;
}

function parseReport(stdout: string): WrkResult {
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (!line) throw new Error(`wrk printed no report:\n${stdout}`);
  const { requests, durationUs, bytes, errors, p50Us, p99Us, meanUs, maxUs, ...extra } = JSON.parse(
    line.slice("BENCH_JSON ".length),
  );
  const seconds = durationUs / 1e6;
  const socketErrors = errors.connect + errors.read + errors.write + errors.timeout;
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    megabytesPerSecond: bytes / seconds / 1e6,
    p50Ms: p50Us / 1000,
    p99Ms: p99Us / 1000,
    meanMs: meanUs / 1000,
    maxMs: maxUs / 1000,
    badStatus: errors.status,
    socketErrors,
    errors: errors.status + socketErrors,
    extra,
  };
}

export function startWrk(options: WrkOptions, workDir: string): RunningWrk {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    `--timeout`,
    `${options.timeoutSeconds ?? 10}s`,
    "-s",
    scriptFile(workDir, options.script),
  ];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  args.push(options.url);
  const child = spawn("wrk", args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const result = new Promise<WrkResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      try {
        resolve(parseReport(stdout));
      } catch (error) {
        reject(new Error(`wrk ${options.url} ended with ${code}: ${stderr.trim() || (error as Error).message}`));
      }
    });
  });
  return { result, interrupt: () => child.kill("SIGINT") };
}

export function runWrk(options: WrkOptions, workDir: string): Promise<WrkResult> {
  return startWrk(options, workDir).result;
}
