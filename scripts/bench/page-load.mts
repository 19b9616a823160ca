// One page-load measurement: an optional warm-up run (discarded), a look at
// whether the response cache answers, then the measured wrk run.
import { runWrk, type WrkResult } from "./wrk.mjs";
import { headerValue, rawGet } from "./raw-get.mjs";

export type LoadSettings = {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  threads: number;
  workDir: string;
};

export type PageLoad = Omit<WrkResult, "extra"> & {
  name: string;
  url: string;
  /** What x-quire-cache said just before the run (null on the references and the uncached server). */
  cache: string | null;
};

type PageLoadOptions = {
  headers?: Record<string, string>;
  warmUp?: boolean;
  /** False for the references, which replay Quire's x-quire-cache header without having a cache. */
  fromQuire?: boolean;
};

export async function measurePage(
  name: string,
  url: string,
  settings: LoadSettings,
  { headers = {}, warmUp = true, fromQuire = true }: PageLoadOptions = {},
): Promise<PageLoad> {
  const run = { url, connections: settings.connections, threads: settings.threads, headers };
  if (warmUp) await runWrk({ ...run, seconds: settings.warmupSeconds }, settings.workDir);
  const probe = await rawGet(url, headers);
  const { extra: _none, ...result } = await runWrk({ ...run, seconds: settings.seconds }, settings.workDir);
  return { name, url, cache: fromQuire ? (headerValue(probe, "x-quire-cache") ?? null) : null, ...result };
}
