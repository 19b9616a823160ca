// The two Quire servers the bench compares, cache on and cache off. Each has a
// data folder and database of its own (Quire's start cannot migrate a database
// another process holds open), and its memory is followed under a fixed label
// across restarts.
import fs from "node:fs";
import path from "node:path";
import { assertRunning, startQuire, stopQuire, type QuireServer } from "./quire-server.mjs";
import type { RssSampler } from "./rss.mjs";

export class BenchServers {
  readonly databases: { on: string; off: string };
  private readonly dirs: { on: string; off: string };
  /** The servers now running: checked after each measurement, so a server that died is named, not mismeasured. */
  private readonly live = new Set<QuireServer>();

  constructor(
    dataDir: string,
    private readonly sampler: RssSampler,
  ) {
    this.dirs = { on: path.join(dataDir, "cache-on"), off: path.join(dataDir, "cache-off") };
    this.databases = { on: path.join(this.dirs.on, "quire.db"), off: path.join(this.dirs.off, "quire.db") };
    for (const dir of Object.values(this.dirs)) fs.mkdirSync(dir);
  }

  async start(cache: boolean): Promise<QuireServer> {
    const which = cache ? "on" : "off";
    const label = `Quire, cache ${which}`;
    const databaseUrl = `file:${this.databases[which]}`;
    const server = await startQuire({ label, dataDir: this.dirs[which], databaseUrl, cache, logName: "server.log" });
    this.sampler.track(label, server.process.pid!);
    this.live.add(server);
    return server;
  }

  /** [cache on, cache off] */
  async startBoth(): Promise<[QuireServer, QuireServer]> {
    return Promise.all([this.start(true), this.start(false)]);
  }

  async stop(...servers: QuireServer[]): Promise<void> {
    for (const server of servers) this.live.delete(server);
    await Promise.all(servers.map(stopQuire));
  }

  check(): void {
    for (const server of this.live) assertRunning(server);
  }
}
