// The bench's own child processes: servers run detached in their own process
// group (Quire forks prisma at start, nginx forks a worker), so stopping one
// means signalling its whole group. Every group started here is remembered and
// stopped on exit, also when the bench is interrupted.
import net from "node:net";
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<ChildProcess>();
const onInterrupt: Array<() => void> = [];

/** Synchronous clean-up (e.g. removing the temporary folder) for when the bench is interrupted. */
export function onInterrupted(cleanUp: () => void): void {
  onInterrupt.push(cleanUp);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Starts a command in its own process group, remembered for stopAll(). */
export function spawnDetached(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "ignore", ...options, detached: true });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM to the group; SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (!hasExited(child)) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
  // Children the leader left behind (a prisma CLI mid-start) go too.
  signalGroup(child, "SIGKILL");
  running.delete(child);
}

/** SIGKILL to the group, as a crash or the OOM killer would; resolves once the leader has exited. */
export async function killGroup(child: ChildProcess): Promise<void> {
  const exited = hasExited(child) ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGKILL");
  await exited;
  running.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child)));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of running) signalGroup(child, "SIGKILL");
    for (const cleanUp of onInterrupt) cleanUp();
    process.exit(130);
  });
}
