import { USERNAME_MAX } from "@/lib/accounts/limits";
import { publicPosterName } from "@/lib/discussion/poster";
import type { Tx } from "@/lib/db";
import { sha256Hex } from "@/lib/text";
import { usernameOf } from "./people";

/** Who a name in a thread stands for: an account, or an imported guest (name and email). */
type Identity = string;

export const guestIdentity = (name: string, email: string | null): Identity =>
  `guest:${name.toLowerCase()}\n${(email ?? "").toLowerCase()}`;
export const userIdentity = (userId: number): Identity => `user:${userId}`;

/**
 * The names posts go by in one article's thread. An imported guest posts
 * under a handle made from their name ("Jane Doe" → "Jane_Doe"), so that a
 * reply can @mention them as Quire's replies do; a name with no letters a
 * handle can hold (謝廣霖) uses the Disqus username, or "guest" and a number
 * that stays the same for that person. As with anonymous handles, a name
 * already used in the thread by someone else gets a number: one name never
 * stands for two people.
 */
export class ThreadNames {
  private readonly owners = new Map<string, Identity>();

  static async load(tx: Tx, articleId: number): Promise<ThreadNames> {
    const names = new ThreadNames();
    const posts = await tx.comment.findMany({
      where: { articleId },
      select: {
        anonymous: true,
        anonHandle: true,
        authorId: true,
        guestName: true,
        guestEmail: true,
        author: { select: { username: true } },
      },
    });
    for (const post of posts) {
      const identity =
        post.authorId !== null && !post.anonymous
          ? userIdentity(post.authorId)
          : post.guestName !== null
            ? guestIdentity(post.guestName, post.guestEmail)
            : `anonymous:${post.anonHandle}:${post.authorId ?? "guest"}`;
      names.owners.set(publicPosterName(post).toLowerCase(), identity);
    }
    return names;
  }

  /** Records that an account posts in the thread under its username. */
  claimUsername(username: string, userId: number) {
    if (!this.owners.has(username.toLowerCase())) this.owners.set(username.toLowerCase(), userIdentity(userId));
  }

  /** `exported`: the handle a Quire export gave the poster, kept; `username`: Disqus's, used when the name gives none. */
  handleFor(
    name: string,
    email: string | null,
    { exported, username }: { exported: string | null; username: string | null },
  ): string {
    const identity = guestIdentity(name, email);
    const base =
      exported && /^[A-Za-z0-9_-]{3,24}$/.test(exported) && !exported.endsWith("-")
        ? exported
        : baseHandle(name, username, identity);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : `_${n}`;
      const candidate = `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
      const owner = this.owners.get(candidate.toLowerCase());
      if (owner === undefined || owner === identity) {
        this.owners.set(candidate.toLowerCase(), identity);
        return candidate;
      }
    }
  }
}

function baseHandle(name: string, username: string | null, identity: Identity): string {
  const fromName = usernameOf(name);
  if (fromName.length >= 3) return fromName;
  const fromUsername = usernameOf(username ?? "");
  if (fromUsername.length >= 3) return fromUsername;
  return `guest${1000 + (parseInt(sha256Hex(identity).slice(0, 8), 16) % 9000)}`;
}
