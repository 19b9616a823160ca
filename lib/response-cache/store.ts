import type { OutgoingHttpHeaders } from "node:http";

export type Encoding = "br" | "gzip" | "identity";

/** One rendered page, as the cache serves it. */
export type CachedPage = {
  key: string;
  status: number;
  /** The headers Next set, minus those the cache writes itself (lib/response-cache/page.ts). */
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Compressed copies, added once they are ready (compressing never holds up a reader). */
  encoded: Partial<Record<"br" | "gzip", Buffer>>;
  /** Strong validator of the identity body; each encoding's ETag adds a suffix. */
  etag: string;
  tags: readonly string[];
  expiresAt: number;
  /** Header lists built on first use, per encoding and hit/miss. */
  wire: Map<string, string[]>;
};

/** What an entry costs beyond its bodies (key, headers, bookkeeping): a rough, fixed allowance. */
const ENTRY_OVERHEAD_BYTES = 2048;

function sizeOf(page: CachedPage): number {
  return page.body.length + (page.encoded.br?.length ?? 0) + (page.encoded.gzip?.length ?? 0) + ENTRY_OVERHEAD_BYTES;
}

/**
 * Rendered pages in memory: least recently used first out once the bytes
 * pass `maxBytes`, dropped by tag, and dropped when they expire.
 *
 * Invalidation races with rendering: a page whose render began before a write
 * may hold the old data. Every invalidation bumps a generation and records it
 * against each tag; `put` refuses a page if any of its tags was invalidated
 * after its render began, so a stale render is never stored.
 */
export class PageStore {
  private readonly pages = new Map<string, CachedPage>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly invalidatedAt = new Map<string, number>();
  private generation = 0;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.pages.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The page under `key`, if it is there and not expired; marks it recently used. */
  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt <= now) {
      this.remove(page);
      return undefined;
    }
    // Map keeps insertion order: re-inserting moves the page to the most recent end.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** Marks the start of a render; pass the result to `put`. */
  renderStarted(): number {
    return this.generation;
  }

  /** Stores a page rendered since `startedAt`; false if its data may already be stale, or it is too big to keep. */
  put(page: CachedPage, startedAt: number): boolean {
    if (page.tags.some((tag) => (this.invalidatedAt.get(tag) ?? -1) >= startedAt)) return false;
    // One huge page must not push out everything else.
    if (sizeOf(page) > this.maxBytes / 2) return false;
    const previous = this.pages.get(page.key);
    if (previous) this.remove(previous);
    this.pages.set(page.key, page);
    this.bytes += sizeOf(page);
    for (const tag of page.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(page.key);
    }
    this.evict();
    return true;
  }

  /** Adds a compressed copy to a page that is still stored. */
  addEncoding(page: CachedPage, encoding: "br" | "gzip", body: Buffer): void {
    if (this.pages.get(page.key) !== page) return;
    this.bytes -= sizeOf(page);
    page.encoded[encoding] = body;
    page.wire.clear();
    this.bytes += sizeOf(page);
    this.evict();
  }

  /** Drops every page holding any of `tags`. */
  invalidate(tags: readonly string[]): void {
    this.generation++;
    for (const tag of tags) {
      this.invalidatedAt.set(tag, this.generation - 1);
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        const page = this.pages.get(key);
        if (page) this.remove(page);
      }
    }
  }

  private evict(): void {
    for (const page of this.pages.values()) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(page);
    }
  }

  private remove(page: CachedPage): void {
    if (this.pages.get(page.key) !== page) return;
    this.pages.delete(page.key);
    this.bytes -= sizeOf(page);
    for (const tag of page.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(page.key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
