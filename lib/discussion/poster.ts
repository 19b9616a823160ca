/**
 * The name a post is shown under: the author's username, or the anonymous
 * handle when they chose to post anonymously (guests always do).
 * Moderators see the real author separately; this is the public name.
 */
export function publicPosterName(post: {
  anonymous: boolean;
  anonHandle: string | null;
  author: { username: string } | null;
}): string {
  if (post.anonymous || !post.author) return post.anonHandle ?? "anonymous";
  return post.author.username;
}

/** The fields publicPosterName needs, for a Prisma select. */
export const posterNameFields = {
  anonymous: true,
  anonHandle: true,
  author: { select: { username: true } },
} as const;
