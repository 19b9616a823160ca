// Peak resident memory of each server, counting the whole process tree (a
// server's pid and all its descendants), sampled from /proc every 200 ms for
// the whole run. A server that is restarted keeps its label and its peak.
import fs from "node:fs";

const INTERVAL_MS = 200;

function parentPids(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name (field 2) may hold spaces and parentheses: the parent pid follows the last ")".
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function treeRssKb(root: number, children: Map<number, number[]>): number {
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += rssKb(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export class RssSampler {
  private readonly roots = new Map<string, number>();
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  /** Follows `pid` (and its descendants) under `label` from now on. */
  track(label: string, pid: number): void {
    this.roots.set(label, pid);
    this.sample();
  }

  start(): void {
    this.timer = setInterval(() => this.sample(), INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Peak megabytes per label. */
  peaksMb(): Record<string, number> {
    return Object.fromEntries([...this.peaks].map(([label, kb]) => [label, kb / 1024]));
  }

  private sample(): void {
    if (this.roots.size === 0) return;
    const children = parentPids();
    for (const [label, pid] of this.roots) {
      const kb = treeRssKb(pid, children);
      if (kb > (this.peaks.get(label) ?? 0)) this.peaks.set(label, kb);
    }
  }
}
