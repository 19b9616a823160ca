// Starts the production server as `npm start` does, on the bench's own data
// folder and port, and waits until it answers.
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, hasExited, spawnDetached, stopGroup } from "./processes.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** The first start migrates and seeds (argon2 hashes for every demo person): allow for a slow machine. */
const START_TIMEOUT_MS = 180_000;

/**
 * `npm start`'s command, run without npm: the server gets the same node flags
 * as in production, and npm's own process stays out of the memory figures.
 * Only a plain `node [flags] script` is taken apart; anything else runs through npm.
 */
function startCommand(): [string, string[]] {
  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [program, ...args] = packageJson.scripts.start.trim().split(/\s+/);
  if (program === "node" && args.every((arg) => /^[\w./=-]+$/.test(arg))) return [process.execPath, args];
  return ["npm", ["start", "--silent"]];
}

export type QuireServer = {
  label: string;
  baseUrl: string;
  process: ChildProcess;
  logFile: string;
};

export type QuireOptions = {
  label: string;
  dataDir: string;
  databaseUrl: string;
  cache: boolean;
  /** Log file name inside dataDir. */
  logName: string;
  /** A port of its own; by default a free one. The crash test restarts on the same port. */
  port?: number;
  /** More environment, e.g. the NEXTAUTH_SECRET that several processes of one site share. */
  env?: Record<string, string>;
};

export async function startQuire({
  label,
  dataDir,
  databaseUrl,
  cache,
  logName,
  env = {},
  ...options
}: QuireOptions): Promise<QuireServer> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, logName);
  const log = fs.openSync(logFile, "a");
  const [command, args] = startCommand();
  const child = spawnDetached(command, args, {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SITE_URL: baseUrl,
      QUIRE_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      QUIRE_CACHE: cache ? "on" : "off",
      NEXTAUTH_URL: "",
      NEXTAUTH_SECRET: "",
      SMTP_URL: "",
      ...env,
    },
  });
  fs.closeSync(log);
  const server = { label, baseUrl, process: child, logFile };
  await waitUntilAnswering(server);
  return server;
}

/**
 * Polls an API route rather than a page, so that waiting puts nothing in the
 * response cache before the bench has prepared the database.
 */
async function waitUntilAnswering(server: QuireServer): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    assertRunning(server, "during start");
    try {
      if ((await fetch(`${server.baseUrl}/api/auth/csrf`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.label} did not answer within ${START_TIMEOUT_MS / 1000} s; see ${server.logFile}`);
}

/** Throws if the server has ended, which the bench never does while it still needs it. */
export function assertRunning(server: QuireServer, when = "during the bench"): void {
  if (!hasExited(server.process)) return;
  const { exitCode, signalCode } = server.process;
  // A signal the bench did not send came from outside, e.g. a `pkill -f scripts/start.mjs` elsewhere on the machine.
  const how = signalCode ? `was stopped by ${signalCode} from outside the bench` : `exited with status ${exitCode}`;
  throw new Error(`${server.label} ${how} ${when}; see ${server.logFile}`);
}

export async function stopQuire(server: QuireServer): Promise<void> {
  await stopGroup(server.process);
}
