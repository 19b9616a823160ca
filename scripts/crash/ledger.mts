// The crash test's client log: every request the clients sent, what came back,
// and whether the server could have been gone when it failed. What the server
// acknowledged (2xx) here is what the database must hold afterwards.

/** An answer, read to its end. */
export type Answer = { status: number; headers: Headers; text: string };

export type PostAttempt = {
  /** Unique words in the post's body, to find it in the database and on the page. */
  marker: string;
  slug: string;
  guest: boolean;
  /** acked: a 2xx came back; refused: a 4xx; unknown: the connection died without an answer. */
  result: "acked" | "refused" | "unknown";
  status?: number;
  id?: number;
  /** The post's number when the answer said it is visible (a signed-in reader's post). */
  number?: number | null;
};

export type ApprovalAttempt = {
  id: number;
  result: "acked" | "refused" | "unknown";
  status?: number;
  number?: number | null;
};

/** Whether the server is up, and how often it was killed: a request that spans a kill may fail. */
export class ServerState {
  up = false;
  kills = 0;
}

export class Ledger {
  readonly posts: PostAttempt[] = [];
  readonly approvals: ApprovalAttempt[] = [];
  readonly statuses = new Map<string, number>();
  /** Every 5xx, described: there must be none. */
  readonly serverErrors: string[] = [];
  /** Requests that got no answer because the server was killed while they ran, or was down. */
  expectedConnectionErrors = 0;
  /** Requests that got no answer from a server that was up throughout: there must be none. */
  readonly unexpectedConnectionErrors: string[] = [];

  constructor(private readonly server: ServerState) {}

  /**
   * Sends one request and records its status, or that it got no answer (a
   * connection refused or reset, or an answer cut off). Returns null then.
   */
  async send(label: string, url: string, init: RequestInit): Promise<Answer | null> {
    const upAtStart = this.server.up;
    const killsAtStart = this.server.kills;
    try {
      const response = await fetch(url, { ...init, redirect: "manual" });
      const answer = { status: response.status, headers: response.headers, text: await response.text() };
      const key = `${label} ${answer.status}`;
      this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
      if (answer.status >= 500) this.serverErrors.push(`${label} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      return answer;
    } catch (error) {
      if (!upAtStart || this.server.kills !== killsAtStart) this.expectedConnectionErrors++;
      else this.unexpectedConnectionErrors.push(`${label}: ${describe(error)}`);
      return null;
    }
  }

  count(filter: (post: PostAttempt) => boolean): number {
    return this.posts.filter(filter).length;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
