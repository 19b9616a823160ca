import crypto from "node:crypto";
import pg from "pg";
import { tags as cacheTags } from "@/lib/cache";

/** The PostgreSQL channel every process of one site listens on. */
export const INVALIDATION_CHANNEL = "quire_pages";
/** How this listener shows in pg_stat_activity (a test ends its connection through it). */
export const LISTENER_APPLICATION_NAME = "quire-page-invalidations";
/** NOTIFY payloads must stay under 8000 bytes: longer tag lists go in several. */
const MAX_PAYLOAD_CHARS = 7000;

type Message = { origin: string; tags: string[] };

export type SharedInvalidations = {
  /** Tells every other process to drop the pages holding these tags. */
  publish(tags: readonly string[]): void;
  stop(): Promise<void>;
};

/** Splits tags into payloads NOTIFY accepts. */
export function invalidationPayloads(origin: string, tags: readonly string[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  const encode = (batchTags: string[]) => JSON.stringify({ origin, tags: batchTags } satisfies Message);
  for (const tag of tags) {
    if (batch.length > 0 && encode([...batch, tag]).length > MAX_PAYLOAD_CHARS) {
      payloads.push(encode(batch));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) payloads.push(encode(batch));
  return payloads;
}

function parseMessage(payload: string | undefined): Message | null {
  try {
    const message = JSON.parse(payload ?? "") as Partial<Message>;
    if (typeof message.origin !== "string" || !Array.isArray(message.tags)) return null;
    return { origin: message.origin, tags: message.tags.filter((tag): tag is string => typeof tag === "string") };
  } catch {
    return null;
  }
}

/**
 * Cache invalidations across the server processes of one PostgreSQL site,
 * through LISTEN/NOTIFY: no server besides PostgreSQL itself.
 *
 * Every process keeps its own response cache (lib/response-cache). A write
 * drops its own process's pages at once (lib/cache.ts pagesChanged); this
 * sends the same tags to every other process, which drops them when the
 * notification arrives, within milliseconds of the commit.
 *
 * A process whose listening connection breaks misses what was written
 * meanwhile, so it drops its whole cache (`invalidate(["site"])`) when the
 * connection goes and again once it listens again, and keeps reconnecting with
 * a growing pause (at most 5 s). Notifications are sent on a connection of
 * their own, so a broken listener never loses another process's news.
 */
export function startSharedInvalidations(
  url: string,
  invalidate: (tags: readonly string[]) => void,
  log: (message: string) => void = console.error,
): SharedInvalidations {
  const origin = crypto.randomUUID();
  let stopped = false;
  let listener: pg.Client | null = null;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;
  const sender = new pg.Pool({ connectionString: url, max: 2, application_name: "quire-page-notifications" });
  sender.on("error", (error) => log(`Cache notifications: ${error.message}`));

  const dropEverything = () => invalidate([cacheTags.site]);

  const listen = async () => {
    const client = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION_NAME });
    client.on("notification", (notification) => {
      const message = parseMessage(notification.payload);
      if (message && message.origin !== origin) invalidate(message.tags);
    });
    const lost = () => {
      if (listener !== client) return;
      listener = null;
      dropEverything();
      if (!stopped) {
        log("Cache invalidations: lost the PostgreSQL connection; the page cache was dropped. Reconnecting.");
        scheduleRetry();
      }
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      if (!stopped) {
        log(`Cache invalidations: cannot listen (${(error as Error).message}); retrying.`);
        scheduleRetry();
      }
      return;
    }
    if (stopped) return void (await client.end());
    listener = client;
    retryMs = 250;
    // Whatever was written while nobody listened is unknown here.
    dropEverything();
  };

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void listen(), retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };

  void listen();

  return {
    publish(tags) {
      if (stopped || tags.length === 0) return;
      for (const payload of invalidationPayloads(origin, tags)) {
        sender
          .query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, payload])
          .catch((error: Error) => log(`Cache notifications: could not send (${error.message}).`));
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
