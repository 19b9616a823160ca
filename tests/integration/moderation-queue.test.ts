import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Conflict, Forbidden, ValidationError } from "@/lib/errors";
import { moderatePost } from "@/lib/moderation/actions";
import { countWaitingItems, listModerationQueue } from "@/lib/moderation/queue";
import { assertNotBanned, banUser, isBanned, unbanUser } from "@/lib/moderation/bans";
import { setDiscussionState } from "@/lib/moderation/discussion";
import { listModerationLog } from "@/lib/moderation/log";
import { findPostId, getPostForReview } from "@/lib/moderation/review";
import { readPoliciesForm, updatePolicies } from "@/lib/moderation/policies";
import { getSiteSettings } from "@/lib/settings/queries";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { createArticle, createPendingComment, createUser } from "../helpers/factories";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("the queue", () => {
  it("lists held and reported posts longest-waiting first, saying why, with the real author, address hash and history", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const writer = await createUser(db);
    const article = await createArticle(db, { authorId: writer.id });
    const member = await createUser(db);

    const guestPost = await createPendingComment(db, { articleId: article.id });
    await db.comment.update({
      where: { id: guestPost.id },
      data: { heldReason: "guest", ipHash: "hash-of-guest", createdAt: minutesAgo(30) },
    });
    const anonymousPost = await createPendingComment(db, { articleId: article.id, authorId: member.id, anonymous: true });
    await db.comment.update({
      where: { id: anonymousPost.id },
      data: { heldReason: "first-post,links", createdAt: minutesAgo(10) },
    });
    const reportedPost = await createPendingComment(db, { articleId: article.id, authorId: member.id });
    await db.comment.update({ where: { id: reportedPost.id }, data: { createdAt: minutesAgo(60) } });
    await moderatePost(moderator, { commentId: reportedPost.id, action: "approve" });
    await db.report.createMany({
      data: [
        { commentId: reportedPost.id, reporterKey: "ip:1", reason: "rude", createdAt: minutesAgo(20) },
        { commentId: reportedPost.id, reporterKey: "ip:2", reason: "very rude", createdAt: minutesAgo(5) },
      ],
    });
    // History: the guest's address once had a post marked as spam.
    const oldGuestPost = await createPendingComment(db, { articleId: article.id });
    await db.comment.update({ where: { id: oldGuestPost.id }, data: { ipHash: "hash-of-guest", status: "SPAM" } });

    const queue = await listModerationQueue(moderator);
    const mine = queue.items.filter((item) => item.article.id === article.id);
    expect(mine.map((item) => item.id)).toEqual([guestPost.id, reportedPost.id, anonymousPost.id]);
    expect(mine.map((item) => item.reasons)).toEqual([["guest"], ["2 reports"], ["first post", "too many links"]]);
    expect(mine[0]).toMatchObject({
      author: null,
      ipHash: "hash-of-guest",
      history: { of: "address", approved: 0, rejected: 0, spam: 1 },
    });
    expect(mine[2]).toMatchObject({
      postedAs: anonymousPost.anonHandle,
      author: { id: member.id, username: member.username },
      history: { of: "account", approved: 1, rejected: 0, spam: 0 },
    });
    expect(mine[1]!.reports.map((r) => r.reason)).toEqual(["rude", "very rude"]);
    expect(mine[2]!.article).toMatchObject({ slug: article.slug, title: article.title });
  });

  it("counts waiting items, and a post leaves the queue once dealt with", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const article = await createArticle(db, { authorId: moderator.id });
    const before = await countWaitingItems(moderator);
    const post = await createPendingComment(db, { articleId: article.id });
    expect(await countWaitingItems(moderator)).toBe(before + 1);
    await moderatePost(moderator, { commentId: post.id, action: "reject" });
    expect(await countWaitingItems(moderator)).toBe(before);
    expect((await listModerationQueue(moderator)).items.some((item) => item.id === post.id)).toBe(false);
  });
});

describe("finding a post", () => {
  it("goes from its public address or its id to the post, whatever its status", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const article = await createArticle(db, { authorId: moderator.id });
    const post = await createPendingComment(db, { articleId: article.id });
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await moderatePost(moderator, { commentId: post.id, action: "delete" });
    for (const address of [
      `https://quire.example/articles/${article.slug}#post-1`,
      `/articles/${article.slug}/posts/1#post-1`,
      String(post.id),
      `#${post.id}`,
    ]) {
      expect(await findPostId(moderator, address), address).toBe(post.id);
    }
    expect(await findPostId(moderator, `/articles/${article.slug}#post-2`)).toBeNull();
    expect(await findPostId(moderator, "no address here")).toBeNull();
    expect(await getPostForReview(moderator, post.id)).toMatchObject({ status: "DELETED", number: 1, postedAs: post.anonHandle });
  });
});

describe("bans", () => {
  it("last the chosen number of days or for good, are logged, and can be lifted", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const troll = await createUser(db);
    await banUser(moderator, { userId: troll.id, duration: "7", reason: "Repeated insults" });
    let banned = (await db.user.findUnique({ where: { id: troll.id } }))!;
    expect(banned.banReason).toBe("Repeated insults");
    expect(banned.bannedUntil!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(banned.bannedUntil!.getTime() - Date.now()).toBeLessThan(7.1 * 86_400_000);
    expect(banned.sessionVersion).toBe(troll.sessionVersion);

    await banUser(moderator, { userId: troll.id, duration: "forever", reason: "Came back" });
    banned = (await db.user.findUnique({ where: { id: troll.id } }))!;
    expect(banned.bannedUntil!.getUTCFullYear()).toBe(9999);

    await unbanUser(moderator, { userId: troll.id, reason: "Appeal accepted" });
    expect(isBanned((await db.user.findUnique({ where: { id: troll.id } }))!)).toBe(false);
    await expect(unbanUser(moderator, { userId: troll.id })).rejects.toThrow(Conflict);

    const log = await db.moderationAction.findMany({ where: { targetUserId: troll.id }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.action, e.actorId, e.reason])).toEqual([
      ["ban", moderator.id, "Repeated insults"],
      ["ban", moderator.id, "Came back"],
      ["unban", moderator.id, "Appeal accepted"],
    ]);
  });

  it("refuse a banned user's post with a sentence that says so, until when and why", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const troll = await createUser(db);
    expect(() => assertNotBanned(troll)).not.toThrow();
    await banUser(moderator, { userId: troll.id, duration: "forever", reason: "Spam links" });
    const banned = (await db.user.findUnique({ where: { id: troll.id } }))!;
    expect(() => assertNotBanned(banned)).toThrow(new Forbidden("You cannot post: you are banned for good. Reason: Spam links"));
    await banUser(moderator, { userId: troll.id, duration: "1", reason: "Cool off" });
    const brief = (await db.user.findUnique({ where: { id: troll.id } }))!;
    expect(() => assertNotBanned(brief)).toThrow(/^You cannot post: you are banned until .* UTC\. Reason: Cool off$/);
    expect(() => assertNotBanned(brief, new Date(Date.now() + 2 * 86_400_000))).not.toThrow();
  });

  it("of staff are for admins only, and nobody bans themselves", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const colleague = await createUser(db, { role: "MODERATOR" });
    const admin = await createUser(db, { role: "ADMIN" });
    await expect(banUser(moderator, { userId: colleague.id, duration: "1", reason: "a test" })).rejects.toThrow(Forbidden);
    await expect(banUser(moderator, { userId: moderator.id, duration: "1", reason: "a test" })).rejects.toThrow(
      "You cannot ban yourself.",
    );
    await expect(banUser(admin, { userId: admin.id, duration: "1", reason: "a test" })).rejects.toThrow(Forbidden);
    await banUser(admin, { userId: colleague.id, duration: "1", reason: "Abused the tools" });
    expect(isBanned((await db.user.findUnique({ where: { id: colleague.id } }))!)).toBe(true);
  });
});

describe("closing a discussion", () => {
  it("closes and reopens an article's discussion, logging both", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    const article = await createArticle(db, { authorId: moderator.id });
    await setDiscussionState(moderator, { articleId: article.id, state: "closed", reason: "Heated" });
    expect((await db.article.findUnique({ where: { id: article.id } }))!.discussionOpen).toBe(false);
    await expect(setDiscussionState(moderator, { articleId: article.id, state: "closed" })).rejects.toThrow("is already closed");
    await setDiscussionState(moderator, { articleId: article.id, state: "open" });
    expect((await db.article.findUnique({ where: { id: article.id } }))!.discussionOpen).toBe(true);
    const log = await db.moderationAction.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } });
    expect(log.map((e) => e.action)).toEqual(["close-discussion", "open-discussion"]);
  });
});

describe("the audit log", () => {
  it("filters by moderator, post, user and action, and offers undo only on each post's latest action", async () => {
    const alice = await createUser(db, { role: "MODERATOR" });
    const bob = await createUser(db, { role: "ADMIN" });
    const author = await createUser(db);
    const article = await createArticle(db, { authorId: bob.id });
    const one = await createPendingComment(db, { articleId: article.id, authorId: author.id });
    const two = await createPendingComment(db, { articleId: article.id });
    await moderatePost(alice, { commentId: one.id, action: "approve" });
    await moderatePost(bob, { commentId: one.id, action: "reject" });
    await moderatePost(alice, { commentId: two.id, action: "spam" });
    await banUser(bob, { userId: author.id, duration: "1", reason: "Testing the log" });

    const byAlice = await listModerationLog(alice, { moderator: alice.username.toUpperCase() });
    expect(byAlice.entries.map((e) => [e.action, e.commentId])).toEqual([
      ["spam", two.id],
      ["approve", one.id],
    ]);
    const onPostOne = await listModerationLog(alice, { post: one.id });
    expect(onPostOne.entries.map((e) => [e.action, e.actor.username, e.canUndo])).toEqual([
      ["reject", bob.username, true],
      ["approve", alice.username, false],
    ]);
    const aboutAuthor = await listModerationLog(alice, { user: author.username });
    expect(aboutAuthor.entries.map((e) => e.action)).toEqual(["ban", "reject", "approve"]);
    const bans = await listModerationLog(alice, { action: "ban", user: author.username });
    expect(bans.entries[0]).toMatchObject({ reason: "Testing the log", after: { banReason: "Testing the log" } });

    const firstPage = await listModerationLog(alice, { post: one.id }, 1);
    const secondPage = await listModerationLog(alice, { post: one.id, before: firstPage.nextBefore! }, 1);
    expect([firstPage.entries[0]!.action, secondPage.entries[0]!.action]).toEqual(["reject", "approve"]);
  });
});

describe("policies", () => {
  const formWith = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      if (typeof value === "boolean") form.set(key, value ? "on" : "off");
      else if (typeof value === "number" || typeof value === "string") form.set(key, String(value));
      else if (Array.isArray(value)) form.set(key, value.join("\n"));
      else if (typeof value === "object") {
        form.set(`${key}.max`, String(value.max));
        form.set(`${key}.windowSeconds`, String(value.windowSeconds));
      }
    }
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return form;
  };

  it("are saved by an admin from the form, and the change is logged", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const form = formWith({
      holdGuestPosts: "off",
      linkLimit: "1",
      blockedWords: "casino\n  cheap pills \n\n",
      blockedWordAction: "reject",
      "commentRateLimitPerIp.max": "2",
    });
    const { changed } = await updatePolicies(admin, await readPoliciesForm(form));
    expect(changed.sort()).toEqual(["blockedWordAction", "blockedWords", "commentRateLimitPerIp", "holdGuestPosts", "linkLimit"]);
    expect(await getSiteSettings()).toMatchObject({
      holdGuestPosts: false,
      linkLimit: 1,
      blockedWords: ["casino", "cheap pills"],
      blockedWordAction: "reject",
      commentRateLimitPerIp: { max: 2, windowSeconds: 60 },
    });
    const entry = await db.moderationAction.findFirst({ where: { action: "update-policies", actorId: admin.id } });
    expect(JSON.parse(entry!.after!)).toEqual({ settings: expect.objectContaining({ linkLimit: 1, holdGuestPosts: false }) });
  });

  it("keep a setting the form does not show", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    await updatePolicies(admin, {
      ...(await getSiteSettings()),
      holdFirstPost: false,
      forgotRateLimitPerEmail: { max: 9, windowSeconds: 60 },
    });
    const form = formWith({});
    form.delete("holdFirstPost");
    form.delete("forgotRateLimitPerEmail.max");
    form.delete("forgotRateLimitPerEmail.windowSeconds");
    const read = await readPoliciesForm(form);
    expect(read.holdFirstPost).toBe(false);
    expect(read.forgotRateLimitPerEmail).toEqual({ max: 9, windowSeconds: 60 });
  });

  it("name every field a person got wrong", async () => {
    const form = formWith({ linkLimit: "lots", "commentRateLimitPerUser.max": "0", blockedWordAction: "shout" });
    const error = await readPoliciesForm(form).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({
      linkLimit: ["Enter a whole number."],
      "commentRateLimitPerUser.max": ["Allow at least 1 request"],
      blockedWordAction: ["Choose one of the options."],
    });
  });
});
