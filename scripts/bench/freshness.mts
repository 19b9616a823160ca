// Freshness under load: while wrk reads an article page, a guest's held post is
// approved by the moderator, and the clock runs from the approval's 200 until
// an anonymous reader first gets the page with the post on it.
import crypto from "node:crypto";
import { startWrk } from "./wrk.mjs";
import type { LoadSettings } from "./page-load.mjs";
import { median } from "./stats.mjs";

const TRIES = 20;
/** A post still missing this long after its approval means the cache kept a stale page. */
const GIVE_UP_MS = 10_000;

export type FreshnessResult = {
  slug: string;
  tries: number[];
  maxMs: number;
  medianMs: number;
  backgroundRequestsPerSecond: number;
  failures: string[];
};

async function postAsGuest(baseUrl: string, slug: string, text: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/articles/${slug}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ body: text }),
  });
  const answer = (await response.json()) as { id?: number; status?: string; error?: string };
  if (response.status !== 201 || answer.status !== "pending") {
    throw new Error(`a guest's post was not held (${response.status} ${JSON.stringify(answer)})`);
  }
  return answer.id!;
}

/** Milliseconds from the approval's answer to the first page that shows the post. */
async function oneTry(baseUrl: string, slug: string, moderatorCookie: string, text: string): Promise<number> {
  const id = await postAsGuest(baseUrl, slug, text);
  const approval = await fetch(`${baseUrl}/api/moderation/comments/${id}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie: moderatorCookie },
    body: JSON.stringify({ action: "approve" }),
  });
  const approvedAt = performance.now();
  if (approval.status !== 200) throw new Error(`approving post ${id} answered ${approval.status}: ${await approval.text()}`);
  await approval.arrayBuffer();
  for (;;) {
    const page = await (await fetch(`${baseUrl}/articles/${slug}`)).text();
    const elapsed = performance.now() - approvedAt;
    if (page.includes(text)) return elapsed;
    if (elapsed > GIVE_UP_MS) throw new Error(`post ${id} was not on the page ${GIVE_UP_MS / 1000} s after its approval`);
  }
}

export async function measureFreshness(
  { baseUrl, slug, moderatorCookie }: { baseUrl: string; slug: string; moderatorCookie: string },
  settings: LoadSettings,
): Promise<FreshnessResult> {
  const runTag = crypto.randomBytes(4).toString("hex");
  const background = startWrk(
    { url: `${baseUrl}/articles/${slug}`, seconds: 3600, connections: settings.connections, threads: settings.threads },
    settings.workDir,
  );
  const tries: number[] = [];
  const failures: string[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 1; i <= TRIES && failures.length === 0; i++) {
      try {
        tries.push(await oneTry(baseUrl, slug, moderatorCookie, `Freshness check ${runTag} number ${i} made it onto the page`));
      } catch (error) {
        failures.push(`freshness: ${(error as Error).message}`);
      }
    }
  } finally {
    background.interrupt();
  }
  const load = await background.result;
  return {
    slug,
    tries,
    maxMs: tries.length ? Math.max(...tries) : NaN,
    medianMs: tries.length ? median(tries) : NaN,
    backgroundRequestsPerSecond: load.requestsPerSecond,
    failures,
  };
}
