import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { db } from "@/lib/db";
import { OUTBOX_DIR, siteUrl } from "@/lib/config";
import { updateSiteSettings } from "@/lib/settings/queries";
import type { SiteSettings } from "@/lib/settings/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { postComment } from "@/lib/comments/post-comment";
import { editOwnComment, deleteOwnComment } from "@/lib/comments/change-own-comment";
import { reportComment } from "@/lib/comments/report-comment";
import { notifyMentions, onPostBecameVisible } from "@/lib/comments/became-visible";
import { listApprovedPosts, listOwnPosts } from "@/lib/comments/queries";
import { readReceipt, receiptWith } from "@/lib/comments/receipt";
import { findMentionSubscription, stopMentionEmails } from "@/lib/comments/mention-opt-out";
import { newCommentSchema } from "@/lib/comments/schema";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { createArticle, createUser } from "../helpers/factories";
import { createTrustedReader } from "../helpers/posts";

const ip = () => crypto.randomBytes(8).toString("hex");
const asActor = (user: { id: number; username: string; role: SessionUser["role"] }): SessionUser => ({
  id: user.id,
  username: user.username,
  role: user.role,
  bannedUntil: null,
});
const input = (body: string, anonymous = false) => newCommentSchema.parse({ body, anonymous });

async function newThread(options: { discussionOpen?: boolean } = {}) {
  const author = await createUser(db, { role: "EDITOR" });
  return createArticle(db, { authorId: author.id, ...options });
}

/** A reader whose earlier post a moderator approved, so their posts no longer wait. */
const trustedReader = async () => asActor(await createTrustedReader(db, (await newThread()).id));

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string; fields?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, message: error.message, fields: (error as { fields?: unknown }).fields };
}

async function withSettings<T>(changes: Partial<SiteSettings>, run: () => Promise<T>): Promise<T> {
  await updateSiteSettings(changes);
  try {
    return await run();
  } finally {
    await db.siteSetting.deleteMany({ where: { key: { in: Object.keys(changes) } } });
  }
}

async function waitForOutboxMail(to: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(OUTBOX_DIR) ? fs.readdirSync(OUTBOX_DIR) : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX_DIR, file)));
      const address = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
      if (address === to) return mail;
    }
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("posting", () => {
  it("a guest's post waits for moderation under an anonymous handle, with no number", async () => {
    const article = await newThread();
    const posted = await postComment(article.slug, input("A guest's first thoughts."), null, { ipHash: ip() });
    expect(posted).toMatchObject({ status: "pending", number: null, heldReason: "guest" });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    expect(stored).toMatchObject({ anonymous: true, authorId: null, status: "PENDING", number: null });
    expect(stored.anonHandle).toMatch(/^anon\d{4,5}$/);
    expect(await listApprovedPosts(article.id, 1)).toEqual([]);
  });

  it("a new account's first post waits; once one is approved, its posts appear at once, numbered in order", async () => {
    const article = await newThread();
    const user = asActor(await createUser(db));
    const first = await postComment(article.slug, input("My very first post here."), user, { ipHash: ip() });
    expect(first).toMatchObject({ status: "pending", heldReason: "first-post" });
    await db.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: first.id }, data: { status: "APPROVED" } });
      await onPostBecameVisible(tx, first.id);
    });
    const second = await postComment(article.slug, input("And a second one, shown at once."), user, { ipHash: ip() });
    expect(second).toMatchObject({ status: "approved", number: 2, heldReason: null });
    const posts = await listApprovedPosts(article.id, 1);
    expect(posts.map((p) => [p.number, p.posterName])).toEqual([
      [2, user.username],
      [1, user.username],
    ]);
  });

  it("stores the text exactly as written, markup and all, for the page to escape", async () => {
    const article = await newThread();
    const body = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
    const posted = await postComment(article.slug, input(`  ${body}\n`), await trustedReader(), { ipHash: ip() });
    expect((await db.comment.findUniqueOrThrow({ where: { id: posted.id } })).body).toBe(body);
  });

  it("gives a user one anonymous handle throughout a thread, another in another thread, and never their name", async () => {
    const user = await trustedReader();
    const [one, two] = [await newThread(), await newThread()];
    const a = await postComment(one.slug, input("Anonymous thought one", true), user, { ipHash: ip() });
    const b = await postComment(one.slug, input("Anonymous thought two", true), user, { ipHash: ip() });
    const c = await postComment(two.slug, input("Anonymous thought three", true), user, { ipHash: ip() });
    const handles = await Promise.all([a, b, c].map(async (p) => (await db.comment.findUniqueOrThrow({ where: { id: p.id } })).anonHandle));
    expect(handles[0]).toMatch(/^anon\d{4,5}$/);
    expect(handles[1]).toBe(handles[0]);
    expect(handles[2]).not.toBe(handles[0]);
    const shown = await listApprovedPosts(one.id, 1);
    expect(shown.map((p) => p.posterName)).toEqual([handles[0], handles[0]]);
    // Moderators still see who wrote it.
    expect((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).authorId).toBe(user.id);
  });

  it("holds a post with more links than the limit, and holds or refuses blocked words as the settings say", async () => {
    const user = await trustedReader();
    const article = await newThread();
    const links = "See http://a.example http://b.example http://c.example http://d.example";
    expect(await postComment(article.slug, input(links), user, { ipHash: ip() })).toMatchObject({ status: "pending", heldReason: "links" });
    expect(await postComment(article.slug, input("Three is fine: http://a.example http://b.example http://c.example"), user, { ipHash: ip() })).toMatchObject({ status: "approved" });

    await withSettings({ blockedWords: ["Frobnicate"] }, async () => {
      expect(await postComment(article.slug, input("Please frobnicate this."), user, { ipHash: ip() })).toMatchObject({ heldReason: "blocked-word" });
      // Whole words only.
      expect(await postComment(article.slug, input("Unfrobnicated text is fine."), user, { ipHash: ip() })).toMatchObject({ status: "approved" });
    });
    await withSettings({ blockedWords: ["frobnicate"], blockedWordAction: "reject" }, async () => {
      const before = await db.comment.count();
      const refused = await refusal(postComment(article.slug, input("FROBNICATE now!"), user, { ipHash: ip() }));
      expect(refused.status).toBe(400);
      expect(refused.message).toMatch(/not allowed/);
      expect(await db.comment.count()).toBe(before);
    });
  });

  it("shows guests' posts at once when the settings say so", async () => {
    const article = await newThread();
    await withSettings({ holdGuestPosts: false }, async () => {
      expect(await postComment(article.slug, input("Straight in."), null, { ipHash: ip() })).toMatchObject({ status: "approved", number: 1 });
    });
  });

  it("refuses the same words from the same poster within 10 minutes, and accepts them after", async () => {
    const user = await trustedReader();
    const article = await newThread();
    const start = new Date();
    await postComment(article.slug, input("Exactly this."), user, { ipHash: ip(), now: start });
    const again = await refusal(postComment(article.slug, input("  exactly   THIS. "), user, { ipHash: ip(), now: new Date(start.getTime() + 9 * 60_000) }));
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/same comment/) });
    const later = await postComment(article.slug, input("Exactly this."), user, { ipHash: ip(), now: new Date(start.getTime() + 11 * 60_000) });
    expect(later.status).toBe("approved");
    // Someone else may say the same thing.
    expect((await postComment(article.slug, input("Exactly this."), await trustedReader(), { ipHash: ip(), now: start })).status).toBe("approved");
  });

  it("refuses a banned account, saying until when", async () => {
    const article = await newThread();
    const user = { ...(await trustedReader()), bannedUntil: new Date("2099-03-04T05:06:00Z") };
    const refused = await refusal(postComment(article.slug, input("Let me back in."), user, { ipHash: ip() }));
    expect(refused.status).toBe(403);
    expect(refused.message).toBe("Your account is banned from posting until March 4, 2099 at 5:06 AM UTC.");
  });

  it("refuses a closed discussion, an unknown article and a filled honeypot, storing nothing", async () => {
    const closed = await newThread({ discussionOpen: false });
    const open = await newThread();
    const before = { comments: await db.comment.count(), limits: await db.rateLimit.count() };
    expect(await refusal(postComment(closed.slug, input("Hello?"), null, { ipHash: ip() }))).toMatchObject({
      status: 403,
      message: expect.stringMatching(/closed/),
    });
    expect(await refusal(postComment("no-such-article", input("Hello?"), null, { ipHash: ip() }))).toMatchObject({ status: 404 });
    const robot = newCommentSchema.parse({ body: "Buy things", website: "http://spam.example" });
    expect(await refusal(postComment(open.slug, robot, null, { ipHash: ip() }))).toMatchObject({
      status: 400,
      fields: { website: [expect.stringMatching(/empty/)] },
    });
    expect({ comments: await db.comment.count(), limits: await db.rateLimit.count() }).toEqual(before);
  });

  it("limits posts per address and per account, with a message that says how long to wait", async () => {
    const article = await newThread();
    const address = ip();
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(await postComment(article.slug, input(`Burst post ${i}`), null, { ipHash: address }).catch((e: DomainError) => e));
    }
    const refused = results.filter((r) => r instanceof DomainError);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ status: 429, message: expect.stringMatching(/posting too often.*wait \d+ seconds?/) });
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(5);

    const user = await trustedReader();
    for (let i = 0; i < 5; i++) await postComment(article.slug, input(`User post ${i}`), user, { ipHash: ip() });
    expect(await refusal(postComment(article.slug, input("One too many"), user, { ipHash: ip() }))).toMatchObject({ status: 429 });
  });
});

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
    const reply = await postComment(article.slug, input(`@${alice.username}-- quite right. @${handle} also. @nobody`), await trustedReader(), { ipHash: ip() });

    const [shown] = await listApprovedPosts(article.id, 1);
    expect(shown!.number).toBe(reply.number);
    expect(Object.fromEntries(shown!.mentionTargets)).toEqual({ [alice.username.toLowerCase()]: aliceLatest.number, [handle]: anon.number });
    expect(aliceFirst.number).toBeLessThan(aliceLatest.number!);
    // The handle does not lead to the account behind it.
    const stored = await db.mention.findMany({ where: { commentId: reply.id }, orderBy: { id: "asc" } });
    expect(stored.map((m) => m.targetUserId)).toEqual([alice.id, null]);

    const mail = await waitForOutboxMail(`${mentioned.email}.alice`);
    expect(mail?.subject).toMatch(/mentioned you in “Article /);
    expect(mail?.text).toContain(`${siteUrl()}/articles/${article.slug}/posts/1#post-${reply.number}`);
    const key = (await db.user.findUniqueOrThrow({ where: { id: alice.id } })).unsubscribeKey;
    expect(mail?.text).toContain(`${siteUrl()}/account/mentions/unsubscribe/${key}`);
    // Asking again sends nothing more.
    await notifyMentions(reply.id);
    expect((await db.mention.findFirstOrThrow({ where: { commentId: reply.id, targetUserId: alice.id } })).notifiedAt).not.toBeNull();
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
    });
    await notifyMentions(held.id);
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
    const reply = await postComment(article.slug, input(`@${carol.username} hello`), await trustedReader(), { ipHash: ip() });
    await notifyMentions(reply.id);
    expect(await waitForOutboxMail(email, 300)).toBeNull();
  });
});

describe("an author's own posts", () => {
  it("can be edited within 15 minutes, marked as edited, but not later and not by anyone else", async () => {
    const article = await newThread();
    const user = await trustedReader();
    const start = new Date();
    const posted = await postComment(article.slug, input("Teh typo"), user, { ipHash: ip(), now: start });
    const edited = await editOwnComment(posted.id, { body: "The typo, fixed" }, user, new Date(start.getTime() + 14 * 60_000));
    expect(edited).toMatchObject({ status: "approved", number: posted.number });
    const [shown] = await listApprovedPosts(article.id, 1);
    expect(shown).toMatchObject({ body: "The typo, fixed", editedAt: expect.any(Date) });

    expect(await refusal(editOwnComment(posted.id, { body: "Too late" }, user, new Date(start.getTime() + 15 * 60_000)))).toMatchObject({
      status: 403,
      message: expect.stringMatching(/15 minutes/),
    });
    expect(await refusal(editOwnComment(posted.id, { body: "Not mine" }, await trustedReader(), start))).toMatchObject({ status: 403 });
  });

  it("go back to moderation when an edit adds too many links, keeping their number", async () => {
    const article = await newThread();
    const user = await trustedReader();
    const posted = await postComment(article.slug, input("Innocent"), user, { ipHash: ip() });
    const edited = await editOwnComment(posted.id, { body: "http://a.example http://b.example http://c.example http://d.example" }, user);
    expect(edited).toMatchObject({ status: "pending", number: posted.number });
    expect(await listApprovedPosts(article.id, 1)).toEqual([]);
  });

  it("can be deleted within the window; the number is never given out again", async () => {
    const article = await newThread();
    const user = await trustedReader();
    const first = await postComment(article.slug, input("Regrettable"), user, { ipHash: ip() });
    await deleteOwnComment(first.id, user);
    expect(await listApprovedPosts(article.id, 1)).toEqual([]);
    const next = await postComment(article.slug, input("Better words"), user, { ipHash: ip() });
    expect(next.number).toBe(first.number! + 1);
    expect(await refusal(deleteOwnComment(first.id, user))).toMatchObject({ status: 404 });
  });

  it("are listed to their author (pending and editable) and to a guest holding the signed receipt, to nobody else", async () => {
    const article = await newThread();
    const user = asActor(await createUser(db));
    const mine = await postComment(article.slug, input("Mine, held as a first post"), user, { ipHash: ip() });
    const guest = await postComment(article.slug, input("A guest's held post"), null, { ipHash: ip() });
    const other = await postComment(article.slug, input("Another guest's held post"), null, { ipHash: ip() });

    const own = await listOwnPosts(article.id, { user, receiptIds: [] });
    expect(own.map((p) => [p.id, p.status])).toEqual([[mine.id, "pending"]]);
    expect(own[0]!.editableUntil).toBeInstanceOf(Date);

    const receipt = receiptWith(undefined, guest.id);
    expect((await listOwnPosts(article.id, { user: null, receiptIds: readReceipt(receipt) })).map((p) => p.id)).toEqual([guest.id]);
    // A receipt altered to name someone else's post is worth nothing.
    const forged = receipt.replace(/^\d+/, String(other.id));
    expect(readReceipt(forged)).toEqual([]);
    expect(readReceipt(`${other.id}.${"x".repeat(32)}`)).toEqual([]);
    expect(readReceipt(receiptWith(receipt, other.id))).toEqual([other.id, guest.id]);
  });
});

describe("reports", () => {
  it("are taken once per reader, by account or by address, and only for visible posts", async () => {
    const article = await newThread();
    const visible = await postComment(article.slug, input("Controversial"), await trustedReader(), { ipHash: ip() });
    const held = await postComment(article.slug, input("Held"), null, { ipHash: ip() });
    const reader = await trustedReader();
    const address = ip();

    await reportComment(visible.id, { reason: "Rude to others" }, reader, { ipHash: address });
    expect(await refusal(reportComment(visible.id, { reason: "Still rude" }, reader, { ipHash: ip() }))).toMatchObject({
      status: 409,
      message: expect.stringMatching(/already reported/),
    });
    await reportComment(visible.id, { reason: "Spam, I think" }, null, { ipHash: address });
    expect(await refusal(reportComment(visible.id, { reason: "Again" }, null, { ipHash: address }))).toMatchObject({ status: 409 });
    expect(await refusal(reportComment(held.id, { reason: "Cannot see it" }, null, { ipHash: ip() }))).toMatchObject({ status: 404 });

    const reports = await db.report.findMany({ where: { commentId: visible.id }, orderBy: { id: "asc" } });
    expect(reports.map((r) => r.reporterKey)).toEqual([`user:${reader.id}`, `ip:${address}`]);
  });
});

describe("safe writes", () => {
  it("answer 503 with Retry-After, not 500, when a write transaction runs out of time, and keep nothing of it", async () => {
    const article = await newThread();
    const failure = await db
      .$transaction(
        async (tx) => {
          await tx.comment.create({ data: { articleId: article.id, body: "Half-written", bodyHash: ip() } });
          await new Promise((r) => setTimeout(r, 120));
          await tx.comment.count();
        },
        { timeout: 50 },
      )
      .catch((e: unknown) => e);
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect((await response.json()).error).toMatch(/nothing was saved/);
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("the input schema", () => {
  it("refuses NUL bytes, too short or too long bodies, and fields nobody may set", () => {
    const problems = (value: unknown) => newCommentSchema.safeParse(value).error?.issues.map((i) => i.message);
    expect(problems({ body: "nul\u0000byte" })).toEqual([expect.stringMatching(/control characters/)]);
    expect(problems({ body: " x " })).toEqual(["Write at least 2 characters"]);
    expect(problems({ body: "y".repeat(5001) })).toEqual(["Keep your comment to 5,000 characters or fewer"]);
    expect(problems({ body: "Fine words", status: "APPROVED", authorId: 1 })).toEqual([
      "These fields cannot be set: status, authorId. Send only the documented fields.",
    ]);
    expect(newCommentSchema.parse({ body: "para one\n\npara two" }).body).toBe("para one\n\npara two");
  });
});
