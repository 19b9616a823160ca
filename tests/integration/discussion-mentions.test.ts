import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/config";
import { postComment } from "@/lib/discussion/post-comment";
import { onPostBecameVisible, queuePostEmails } from "@/lib/discussion/became-visible";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { listApprovedPosts } from "@/lib/discussion/queries";
import { findMentionSubscription, stopMentionEmails } from "@/lib/discussion/mention-opt-out";
import { createUser } from "../helpers/factories";
import { input, ip, newThread, trustedReader, waitForOutboxMail } from "../helpers/discussion";

describe("@mentions", () => {
  it("link to the named poster's latest earlier post and email them once, with links from the site address", async () => {
    const article = await newThread();
    const mentioned = await createUser(db);
    const alice = await trustedReader();
    await db.user.update({ where: { id: alice.id }, data: { email: `${mentioned.email}.alice` } });
    const aliceFirst = await postComment(article.slug, input("Alice, post one"), alice, { ipHash: ip() });
    const anon = await postComment(article.slug, input("An anonymous aside", true), alice, { ipHash: ip() });
    const aliceLatest = await postComment(article.slug, input("Alice, post three"), alice, { ipHash: ip() });
    const handle = (await db.comment.findUniqueOrThrow({ where: { id: anon.id } })).anonHandle!;
    const reply = await postComment(
      article.slug,
      input(`@${alice.username}-- quite right. @${handle} also. @nobody`),
      await trustedReader(),
      { ipHash: ip() },
    );

    const [shown] = await listApprovedPosts(article.id, 1);
    expect(shown!.number).toBe(reply.number);
    expect(Object.fromEntries(shown!.mentionTargets)).toEqual({
      [alice.username.toLowerCase()]: aliceLatest.number,
      [handle]: anon.number,
    });
    expect(aliceFirst.number).toBeLessThan(aliceLatest.number!);
    // The handle does not lead to the account behind it.
    const stored = await db.mention.findMany({ where: { commentId: reply.id }, orderBy: { id: "asc" } });
    expect(stored.map((m) => m.targetUserId)).toEqual([alice.id, null]);

    const mail = await waitForOutboxMail(`${mentioned.email}.alice`);
    expect(mail?.subject).toMatch(/mentioned you in “Article /);
    expect(mail?.text).toContain(`${siteUrl()}/articles/${article.slug}/posts/1#post-${reply.number}`);
    const key = (await db.user.findUniqueOrThrow({ where: { id: alice.id } })).unsubscribeKey;
    expect(mail?.text).toContain(`${siteUrl()}/account/mentions/unsubscribe/${key}`);
    // Asking again queues nothing more.
    const queued = await db.outboxMessage.count({ where: { kind: "mention" } });
    await db.$transaction((tx) => queuePostEmails(tx, reply.id));
    expect(await db.outboxMessage.count({ where: { kind: "mention" } })).toBe(queued);
    expect(
      (await db.mention.findFirstOrThrow({ where: { commentId: reply.id, targetUserId: alice.id } })).notifiedAt,
    ).not.toBeNull();
  });

  it("of a held post are linked and emailed when it is approved, and not before", async () => {
    const article = await newThread();
    const bob = await trustedReader();
    await postComment(article.slug, input("Bob speaks first"), bob, { ipHash: ip() });
    const held = await postComment(article.slug, input(`@${bob.username} I disagree`), null, { ipHash: ip() });
    expect(await db.mention.count({ where: { commentId: held.id } })).toBe(0);
    const to = (await db.user.findUniqueOrThrow({ where: { id: bob.id } })).email;
    expect(await waitForOutboxMail(to, 300)).toBeNull();

    await db.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: held.id }, data: { status: "APPROVED" } });
      await onPostBecameVisible(tx, held.id);
      await queuePostEmails(tx, held.id);
    });
    await deliverQueuedMail();
    expect(await db.mention.count({ where: { commentId: held.id, targetUserId: bob.id, notifiedAt: { not: null } } })).toBe(1);
    expect((await waitForOutboxMail(to))?.text).toMatch(/anon\d+ mentioned you in Post 2/);
  });

  it("send nothing to someone who opted out through their link", async () => {
    const article = await newThread();
    const carol = await trustedReader();
    const { unsubscribeKey, email } = await db.user.findUniqueOrThrow({ where: { id: carol.id } });
    expect(await findMentionSubscription(unsubscribeKey)).toEqual({ username: carol.username, mentionEmails: true });
    await stopMentionEmails(unsubscribeKey);
    expect(await findMentionSubscription(unsubscribeKey)).toEqual({ username: carol.username, mentionEmails: false });
    await expect(stopMentionEmails("not-a-real-key")).rejects.toMatchObject({ status: 404 });

    await postComment(article.slug, input("Carol here"), carol, { ipHash: ip() });
    await postComment(article.slug, input(`@${carol.username} hello`), await trustedReader(), { ipHash: ip() });
    await deliverQueuedMail();
    expect(await waitForOutboxMail(email, 300)).toBeNull();
  });
});
