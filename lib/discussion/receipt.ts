import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { serverSecret, siteUrl } from "@/lib/config";

/**
 * A guest has no account, yet must see their own posts awaiting moderation
 * (and nobody else's). After a guest posts, the response sets this cookie: the
 * ids of the browser's recent guest posts, signed with the server's secret so
 * that nobody can add an id to read someone else's pending post. It is set
 * only in answer to a post, never on a page view, so public pages stay
 * cookie-free and identical for every reader.
 */
export const RECEIPT_COOKIE = "quire-posts";
const MAX_IDS = 20;
const MAX_AGE_SECONDS = 30 * 86_400;

function signature(payload: string): string {
  return crypto.createHmac("sha256", serverSecret()).update(`post-receipt:${payload}`).digest("base64url").slice(0, 32);
}

/** The post ids in a receipt; none if it is missing, malformed or its signature is wrong. */
export function readReceipt(value: string | undefined): number[] {
  const match = value ? /^(\d{1,10}(?:-\d{1,10}){0,49})\.([\w-]{32})$/.exec(value) : null;
  if (!match) return [];
  const expected = Buffer.from(signature(match[1]!));
  const given = Buffer.from(match[2]!);
  if (!crypto.timingSafeEqual(expected, given)) return [];
  return match[1]!.split("-").map(Number);
}

/** The receipt with one more post, keeping the most recent ones. */
export function receiptWith(value: string | undefined, postId: number): string {
  const ids = [postId, ...readReceipt(value).filter((id) => id !== postId)].slice(0, MAX_IDS);
  const payload = ids.join("-");
  return `${payload}.${signature(payload)}`;
}

/** Adds a guest's new post to this browser's receipt (in a route handler or server action). */
export async function rememberGuestPost(postId: number): Promise<void> {
  const jar = await cookies();
  jar.set(RECEIPT_COOKIE, receiptWith(jar.get(RECEIPT_COOKIE)?.value, postId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: MAX_AGE_SECONDS,
    secure: siteUrl().startsWith("https://"),
  });
}

/** The ids of this browser's own guest posts, from its receipt. Personal: never call while rendering a public page. */
export async function guestPostIds(): Promise<number[]> {
  return readReceipt((await cookies()).get(RECEIPT_COOKIE)?.value);
}
