// The crash test's load: signed-in readers and guests posting at full speed
// through the JSON API (each waits for its answer and sends the next), a
// moderator approving the guests' held posts, and an anonymous reader loading
// the article's pages so that the response cache holds them when the server dies.
import type { ApprovalAttempt, Ledger, PostAttempt } from "./ledger.mjs";

export type Sessions = { reader: string; moderator: string };

/** Held posts waiting for the moderator, in the order they were acknowledged. */
export class PendingPosts {
  private readonly ids: number[] = [];
  private waiting: ((id: number | null) => void) | null = null;

  push(id: number): void {
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = null;
      wake(id);
    } else this.ids.push(id);
  }

  /** The next id, or null once `release()` is called with none left. */
  take(): Promise<number | null> {
    const id = this.ids.shift();
    if (id !== undefined) return Promise.resolve(id);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  release(): void {
    this.waiting?.(null);
    this.waiting = null;
  }

  /** Everything still waiting, removed from the queue. */
  drain(): number[] {
    return this.ids.splice(0);
  }
}

export type LoadOptions = {
  baseUrl: string;
  slug: string;
  sessions: Sessions;
  ledger: Ledger;
  pending: PendingPosts;
  /** Unique per run and round: "crash3f9a-r2". */
  tag: string;
  readers: number;
  guests: number;
};

export function postBody(marker: string): string {
  return `Crash test post ${marker}: sent at full speed while the server may be killed.`;
}

const MARKER = /Crash test post (\S+):/;

export function markerOf(body: string): string | null {
  return MARKER.exec(body)?.[1] ?? null;
}

function jsonOf(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** One post through the API, logged; a held post's id goes to the moderator. */
export async function sendPost(
  { baseUrl, slug, ledger, pending }: Pick<LoadOptions, "baseUrl" | "slug" | "ledger" | "pending">,
  marker: string,
  cookie: string | null,
): Promise<PostAttempt> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: baseUrl };
  if (cookie) headers.cookie = cookie;
  const answer = await ledger.send("POST /api/articles/[slug]/comments", `${baseUrl}/api/articles/${slug}/comments`, {
    method: "POST",
    headers,
    body: JSON.stringify({ body: postBody(marker) }),
  });
  const attempt: PostAttempt = { marker, slug, guest: cookie === null, result: "unknown" };
  if (answer) {
    attempt.status = answer.status;
    attempt.result = answer.status < 300 ? "acked" : "refused";
    const posted = jsonOf(answer.text);
    if (typeof posted.id === "number") attempt.id = posted.id;
    if (posted.status === "approved" && typeof posted.number === "number") attempt.number = posted.number;
    if (posted.status === "pending" && attempt.id !== undefined) pending.push(attempt.id);
  }
  ledger.posts.push(attempt);
  return attempt;
}

/** Approves one held post as the moderator, logged. */
export async function approve(baseUrl: string, moderator: string, ledger: Ledger, id: number): Promise<ApprovalAttempt> {
  const answer = await ledger.send("POST /api/moderation/comments/[id]", `${baseUrl}/api/moderation/comments/${id}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie: moderator },
    body: JSON.stringify({ action: "approve" }),
  });
  const attempt: ApprovalAttempt = { id, result: "unknown" };
  if (answer) {
    const post = jsonOf(answer.text).post as { number?: number } | undefined;
    attempt.status = answer.status;
    attempt.result = answer.status < 300 ? "acked" : "refused";
    attempt.number = answer.status < 300 && typeof post?.number === "number" ? post.number : null;
  }
  ledger.approvals.push(attempt);
  return attempt;
}

/** Starts the clients; `stop()` lets each finish (or lose) the request it has in flight, then resolves. */
export function startLoad(options: LoadOptions): { stop(): Promise<void> } {
  const { baseUrl, slug, sessions, ledger, pending, tag } = options;
  let running = true;

  const poster = async (name: string, cookie: string | null) => {
    for (let n = 1; running; n++) await sendPost(options, `${tag}-${name}-${n}`, cookie);
  };
  const moderator = async () => {
    while (running) {
      const id = await pending.take();
      if (id === null) return;
      // Killed mid-approval: whether it committed is unknown, so it is approved again after the restart.
      if ((await approve(baseUrl, sessions.moderator, ledger, id)).result === "unknown") pending.push(id);
    }
  };
  const pageReader = async () => {
    for (let n = 0; running; n++) {
      const path = n % 3 === 2 ? `/articles/${slug}/posts/1` : `/articles/${slug}`;
      await ledger.send("GET article page", `${baseUrl}${path}`, {});
    }
  };

  const clients = [
    ...Array.from({ length: options.readers }, (_, i) => poster(`reader${i + 1}`, sessions.reader)),
    ...Array.from({ length: options.guests }, (_, i) => poster(`guest${i + 1}`, null)),
    moderator(),
    pageReader(),
  ];
  return {
    async stop() {
      running = false;
      pending.release();
      await Promise.all(clients);
    },
  };
}
