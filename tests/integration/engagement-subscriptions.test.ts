import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OUTBOX_DIR, siteUrl } from "@/lib/config";
import { postComment } from "@/lib/discussion/post-comment";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { queueThreadDigests } from "@/lib/subscriptions/digests";
import {
  confirmGuestSubscription,
  listReaderSubscriptions,
  subscribeGuest,
  subscribeReader,
  unsubscribe,
} from "@/lib/subscriptions/subscriptions";
import { POST as oneClickUnsubscribe } from "@/app/api/subscriptions/unsubscribe/[key]/route";
import { mailTo } from "../helpers/mailbox";
import { input, ip, newThread, refusal, trustedReader, waitForOutboxMail } from "../helpers/discussion";

// Following a discussion: digests of approved posts, batched, never one's own,
// only after a guest confirms, and never after unsubscribing.

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

async function digestsTo(email: string) {
  await deliverQueuedMail();
  return (await mailTo(email, OUTBOX_DIR)).filter((m) => !m.subject.startsWith("Confirm") && m.subject.includes("new post"));
}

async function emailOf(userId: number) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;
}

describe("following a discussion", () => {
  it("sends a signed-in follower one email for three new posts, listing each with its anchor, and never their own", async () => {
    const article = await newThread();
    const follower = await trustedReader();
    const others = [await trustedReader(), await trustedReader()];
    await postComment(article.slug, input("Before anyone followed"), others[0]!, { ipHash: ip() });
    await subscribeReader(follower.id, article.slug);
    await subscribeReader(follower.id, article.slug); // twice is once
    expect(await db.threadSubscription.count({ where: { userId: follower.id } })).toBe(1);

    const posts = [
      await postComment(article.slug, input("First new post"), others[0]!, { ipHash: ip() }),
      await postComment(article.slug, input("The follower's own post"), follower, { ipHash: ip() }),
      await postComment(article.slug, input("Second new post"), others[1]!, { ipHash: ip() }),
      await postComment(article.slug, input("Third new post"), others[0]!, { ipHash: ip() }),
    ];
    // Not before the gathering time has passed: posts arriving together go out together.
    expect(await queueThreadDigests(at(0))).toBe(0);
    expect(await queueThreadDigests(at(3))).toBe(1);
    expect(await queueThreadDigests(at(3))).toBe(0);

    const [digest, ...more] = await digestsTo(await emailOf(follower.id));
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe(`3 new posts in “${article.title}”`);
    for (const post of [posts[0]!, posts[2]!, posts[3]!]) {
      expect(digest!.text).toContain(`Post ${post.number} by`);
      expect(digest!.text).toContain(`${siteUrl()}/articles/${article.slug}/posts/1#post-${post.number}`);
    }
    expect(digest!.text).not.toContain("The follower's own post");
    expect(digest!.text).not.toContain("Before anyone followed");
    const key = (await db.threadSubscription.findFirstOrThrow({ where: { userId: follower.id } })).unsubscribeKey;
    const header = (name: string) => digest!.parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <${siteUrl()}/api/subscriptions/unsubscribe/${key}>`);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("sends at most one email per discussion per 15 minutes, then one for everything since", async () => {
    const article = await newThread();
    const follower = await trustedReader();
    const poster = await trustedReader();
    await subscribeReader(follower.id, article.slug);
    await postComment(article.slug, input("One"), poster, { ipHash: ip() });
    expect(await queueThreadDigests(at(3))).toBe(1);
    await postComment(article.slug, input("Two"), poster, { ipHash: ip() });
    await postComment(article.slug, input("Three"), poster, { ipHash: ip() });
    expect(await queueThreadDigests(at(10))).toBe(0);
    expect(await queueThreadDigests(at(17))).toBe(0); // 14 minutes after the first digest
    expect(await queueThreadDigests(at(19))).toBe(1);
    const digests = await digestsTo(await emailOf(follower.id));
    expect(digests.map((d) => d.subject).sort()).toEqual([
      `1 new post in “${article.title}”`,
      `2 new posts in “${article.title}”`,
    ]);
  });

  it("leaves out posts that wait for a moderator, and lists them once approved", async () => {
    const article = await newThread();
    const follower = await trustedReader();
    await subscribeReader(follower.id, article.slug);
    await postComment(article.slug, input("A guest's post waits"), null, { ipHash: ip() });
    expect(await queueThreadDigests(at(3))).toBe(0);
    expect(await digestsTo(await emailOf(follower.id))).toHaveLength(0);
  });

  it("sends a guest nothing before they confirm, one confirmation per request, and the same answer for any address", async () => {
    const article = await newThread();
    const poster = await trustedReader();
    const email = `guest-${Date.now()}@example.com`;
    await subscribeGuest(article.slug, { email }, ip());
    const confirmation = await waitForOutboxMail(email);
    expect(confirmation!.subject).toBe(`Confirm: new posts in “${article.title}”`);
    const link = confirmation!.text.match(new RegExp(`${siteUrl()}/subscriptions/confirm/(\\S+)`));
    expect(link).not.toBeNull();

    await postComment(article.slug, input("Posted before the guest confirmed"), poster, { ipHash: ip() });
    expect(await queueThreadDigests(at(3))).toBe(0);
    expect(await digestsTo(email)).toHaveLength(0);

    expect((await refusal(confirmGuestSubscription("made-up-token-0123456789abcdef"))).status).toBe(404);
    await confirmGuestSubscription(decodeURIComponent(link![1]!));
    expect((await refusal(confirmGuestSubscription(decodeURIComponent(link![1]!)))).status).toBe(404); // once
    // Asking again once confirmed sends nothing, and answers the same (the function returns the same nothing).
    await subscribeGuest(article.slug, { email }, ip());
    await deliverQueuedMail();
    expect((await mailTo(email, OUTBOX_DIR)).filter((m) => m.subject.startsWith("Confirm"))).toHaveLength(1);

    await postComment(article.slug, input("Posted after the guest confirmed"), poster, { ipHash: ip() });
    expect(await queueThreadDigests(at(3))).toBe(1);
    const [digest] = await digestsTo(email);
    expect(digest!.text).toContain("Posted after the guest confirmed");
  });

  it("throttles confirmation requests per address", async () => {
    const article = await newThread();
    const email = `throttled-${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await subscribeGuest(article.slug, { email }, ip());
    expect((await refusal(subscribeGuest(article.slug, { email }, ip()))).status).toBe(429);
  });

  it("stops for good after the one-click unsubscribe, which needs no login, and refuses a made-up key", async () => {
    const article = await newThread();
    const follower = await trustedReader();
    const poster = await trustedReader();
    await subscribeReader(follower.id, article.slug);
    const { unsubscribeKey } = await db.threadSubscription.findFirstOrThrow({ where: { userId: follower.id } });
    expect((await listReaderSubscriptions(follower.id)).map((s) => s.article.slug)).toEqual([article.slug]);

    const oneClick = (key: string) =>
      oneClickUnsubscribe(
        new Request(`${siteUrl()}/api/subscriptions/unsubscribe/${key}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" },
          body: "List-Unsubscribe=One-Click",
        }),
        { params: Promise.resolve({ key }) },
      );
    expect((await oneClick(unsubscribeKey)).status).toBe(200);
    expect((await oneClick("not-a-key-of-anyone-at-all")).status).toBe(404);
    expect(await listReaderSubscriptions(follower.id)).toEqual([]);

    await postComment(article.slug, input("Nobody follows now"), poster, { ipHash: ip() });
    expect(await queueThreadDigests(at(3))).toBe(0);
    expect(await digestsTo(await emailOf(follower.id))).toHaveLength(0);
    expect((await refusal(unsubscribe(unsubscribeKey))).status).toBe(404);
  });
});
