import "server-only";
import crypto from "node:crypto";
import { serverSecret } from "@/lib/config";
import type { Tx } from "@/lib/db";

// "anon" and 4 or 5 digits, like the handles in the demo corpus.
const HANDLE_MIN = 1000;
const HANDLE_SPAN = 99000;

/**
 * The handle a post is shown under when it is anonymous. A signed-in user keeps
 * one handle throughout an article's thread, so replies read sensibly, yet it
 * comes from a keyed hash of user and article: nobody without the server's
 * secret can link it to the account, or to the same user's handle elsewhere.
 * Guests get a random one. Either way a handle already used in the thread by
 * someone else is skipped, so one handle never stands for two people.
 * Runs inside the post's write transaction, so two posts cannot claim one handle.
 */
export async function anonHandleFor(tx: Tx, articleId: number, authorId: number | null): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const handle =
      authorId === null
        ? `anon${crypto.randomInt(HANDLE_MIN, HANDLE_MIN + HANDLE_SPAN)}`
        : stableHandle(authorId, articleId, attempt);
    const takenBySomeoneElse = await tx.comment.findFirst({
      where: {
        articleId,
        anonHandle: handle,
        ...(authorId === null ? {} : { OR: [{ authorId: null }, { authorId: { not: authorId } }] }),
      },
      select: { id: true },
    });
    if (!takenBySomeoneElse) return handle;
  }
}

function stableHandle(authorId: number, articleId: number, attempt: number): string {
  const digest = crypto.createHmac("sha256", serverSecret()).update(`anon-handle:${authorId}:${articleId}:${attempt}`).digest();
  return `anon${HANDLE_MIN + (digest.readUInt32BE(0) % HANDLE_SPAN)}`;
}
