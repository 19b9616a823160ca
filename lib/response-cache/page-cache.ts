import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { installPageCacheHooks, tags, type PageRender } from "@/lib/cache";
import { withContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { captureResponse, releaseResponse, renderWithPolicy, sendCaptured } from "./capture";
import { compressPage, isStorable, pageFromResponse, sendPage } from "./page";
import { pageKey } from "./routes";
import { PageStore, type CachedPage } from "./store";

export type PageCacheOptions = {
  /** Memory for cached pages, compressed copies included. */
  maxBytes: number;
  /** Longest a page is kept even if nothing invalidates it (a safety net, not the freshness mechanism). */
  maxAgeSeconds: number;
  /** How long a shared cache (CDN, nginx) may serve a copy without asking again. */
  sharedMaxAgeSeconds: number;
  /** How long past that a shared cache may serve a stale copy while it fetches a new one. */
  staleWhileRevalidateSeconds: number;
};

/** How a render for the cache ended, as the readers who waited for it see it. */
type FillResult = { page: CachedPage } | { retry: true } | { passThrough: true };

/** Request headers a cache render never sees: pages are rendered as for an anonymous reader, in full. */
const PRIVATE_REQUEST_HEADERS = new Set(["cookie", "authorization", "if-none-match", "if-modified-since", "if-match", "range"]);

function anonymize(req: IncomingMessage): void {
  for (const name of PRIVATE_REQUEST_HEADERS) Reflect.deleteProperty(req.headers, name);
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!PRIVATE_REQUEST_HEADERS.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders = raw;
  // A HEAD is rendered as a GET so that the stored page has its body.
  req.method = "GET";
}

/**
 * The response cache in front of rendering. `serve` answers a request for a
 * public page from memory when it can; on a miss it renders the page once
 * through `render` (Next), however many readers ask for it meanwhile, stores
 * it if it may be shared, and answers them all from the stored copy.
 *
 * Installs the hooks of lib/cache.ts, through which the queries of a render
 * name its tags and writes drop the pages holding theirs.
 */
export class PageCache {
  readonly store: PageStore;
  private readonly renders = new AsyncLocalStorage<PageRender>();
  private readonly fills = new Map<string, Promise<FillResult>>();
  private readonly cacheControl: string;
  /** Where this process's writes are told to the site's other processes (./shared-invalidations.ts), if any. */
  private publish: ((changed: readonly string[]) => void) | null = null;

  constructor(
    private readonly options: PageCacheOptions,
    private readonly render: (req: IncomingMessage, res: ServerResponse) => void,
  ) {
    this.store = new PageStore(options.maxBytes);
    this.cacheControl =
      `public, max-age=0, s-maxage=${options.sharedMaxAgeSeconds}, ` +
      `stale-while-revalidate=${options.staleWhileRevalidateSeconds}`;
    installPageCacheHooks({
      currentRender: () => this.renders.getStore(),
      invalidate: (changed) => {
        this.store.invalidate(changed);
        this.publish?.(changed);
      },
    });
  }

  /** From now on every invalidation made here is also passed to `publish`, for the site's other processes. */
  shareInvalidations(publish: (changed: readonly string[]) => void): void {
    this.publish = publish;
  }

  /** Answers `req` if it asks for a cacheable page (now, or once its render is done); false if it is not one. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = pageKey(req);
    if (key === null) return false;
    const page = this.store.get(key);
    if (page) sendPage(req, res, page, "hit", this.cacheControl);
    else void this.serveMiss(req, res, key);
    return true;
  }

  private async serveMiss(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const running = this.fills.get(key);
      if (!running) return this.fill(req, res, key);
      const result = await running;
      if ("page" in result) return sendPage(req, res, result.page, "hit", this.cacheControl);
      if ("passThrough" in result) break;
      const page = this.store.get(key);
      if (page) return sendPage(req, res, page, "hit", this.cacheControl);
    }
    // Not a page that can be shared (or one that keeps changing as it renders): render for this reader alone.
    await renderWithPolicy(req, res, this.render);
  }

  private async fill(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    let settle!: (result: FillResult) => void;
    this.fills.set(key, new Promise((resolve) => (settle = resolve)));
    let result: FillResult = { passThrough: true };
    try {
      result = await this.renderAndStore(req, res, key);
    } finally {
      this.fills.delete(key);
      settle(result);
    }
  }

  private async renderAndStore(req: IncomingMessage, res: ServerResponse, key: string): Promise<FillResult> {
    const head = req.method === "HEAD";
    const startedAt = this.store.renderStarted();
    const render: PageRender = { tags: new Set([tags.site]), expiresAt: Date.now() + this.options.maxAgeSeconds * 1000 };
    anonymize(req);
    const captured = captureResponse(res);
    this.renders.run(render, () => this.render(req, res));
    const rendered = await captured;
    if (!rendered) return { passThrough: true };
    // The policy is stored with the page: the same bytes, the same script hashes, for every reader.
    const response = withContentSecurityPolicy(rendered);
    releaseResponse(res);
    if (!isStorable(response)) {
      sendCaptured(res, response, head);
      return { passThrough: true };
    }
    const page = pageFromResponse(key, response, render);
    if (head) req.method = "HEAD";
    sendPage(req, res, page, "miss", this.cacheControl);
    if (!this.store.put(page, startedAt)) return { retry: true };
    void compressPage(page, this.store).catch((error) => console.error(`Could not compress ${key}:`, error));
    return { page };
  }
}
