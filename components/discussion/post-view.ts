import { formatDate } from "@/lib/calendar";

/**
 * A post as the discussion shows it: plain data, formatted on the server.
 * The post list is a client component (its tools need the browser), so the
 * page sends each post once as these few fields instead of as a rendered
 * element tree in Next's inline RSC payload, which is both smaller and
 * cheaper to produce. Dates are formatted here so that the browser never
 * formats them in another time zone than the server did.
 */
export type PostView = {
  id: number;
  number: number | null;
  posterName: string;
  body: string;
  /** ISO 8601, for the time element. */
  createdAt: string;
  dateText: string;
  edited: boolean;
  /** Mentioned names (lower-cased) to the number of the post each one links to. */
  mentions: Record<string, number>;
};

export function toPostView(post: {
  id: number;
  number: number | null;
  posterName: string;
  body: string;
  createdAt: Date | string;
  editedAt: Date | string | null;
  mentionTargets?: ReadonlyMap<string, number>;
}): PostView {
  const createdAt = new Date(post.createdAt);
  return {
    id: post.id,
    number: post.number,
    posterName: post.posterName,
    body: post.body,
    createdAt: createdAt.toISOString(),
    dateText: formatDate(createdAt),
    edited: post.editedAt !== null,
    mentions: post.mentionTargets ? Object.fromEntries(post.mentionTargets) : {},
  };
}
