/** What a post whose author closed their account is shown under. */
export const DELETED_USER = "deleted user";

/**
 * The name a post is shown under: the author's username, or the anonymous
 * handle when they chose to post anonymously (guests always do), or
 * "deleted user" once a signed-in author has closed their account.
 * Moderators see the real author separately; this is the public name.
 */
export function publicPosterName(post: {
  anonymous: boolean;
  anonHandle: string | null;
  author: { username: string } | null;
}): string {
  // Only anonymous posts have a handle; a signed-in author's own-name post whose author is gone has neither.
  if (post.anonymous || post.anonHandle) return post.anonHandle ?? "anonymous";
  return post.author?.username ?? DELETED_USER;
}

/** The fields publicPosterName needs, for a Prisma select. */
export const posterNameFields = {
  anonymous: true,
  anonHandle: true,
  author: { select: { username: true } },
} as const;
