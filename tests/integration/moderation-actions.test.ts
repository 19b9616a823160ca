import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { listApprovedPosts } from "@/lib/discussion/queries";
import { dismissReports, editPost, moderatePost, moderateSelection } from "@/lib/moderation/actions";
import { undoLastAction } from "@/lib/moderation/undo";
import { listModerationLog } from "@/lib/moderation/log";
import { parseSnapshot } from "@/lib/moderation/audit";
import { editPostSchema } from "@/lib/moderation/schema";
import { parseInput } from "@/lib/validation";
import { createArticle, createPendingComment, createUser } from "../helpers/factories";

async function setup() {
  const moderator = await createUser(db, { role: "MODERATOR" });
  const author = await createUser(db);
  const article = await createArticle(db, { authorId: author.id });
  const pending = () => createPendingComment(db, { articleId: article.id, authorId: author.id });
  return { moderator, author, article, pending };
}

const visibleNumbers = async (articleId: number) => (await listApprovedPosts(articleId, 1)).map((p) => p.number);
const logOf = (commentId: number) => db.moderationAction.findMany({ where: { commentId }, orderBy: { id: "asc" } });

describe("moderating one post", () => {
  it("approving a held post shows it as the next Post N and logs who, what, when, before and after", async () => {
    const { moderator, author, article, pending } = await setup();
    const first = await pending();
    const second = await pending();
    await moderatePost(moderator, { commentId: second.id, action: "approve", expectedVersion: 0 });
    const asked = new Date();
    const { post } = await moderatePost(moderator, {
      commentId: first.id,
      action: "approve",
      reason: "fine",
      expectedVersion: 0,
    });
    const answered = new Date();

    expect(post).toMatchObject({ status: "APPROVED", number: 2, version: 1 });
    expect(await visibleNumbers(article.id)).toEqual([2, 1]);
    const [entry] = await logOf(first.id);
    expect(entry).toMatchObject({
      actorId: moderator.id,
      action: "approve",
      reason: "fine",
      targetUserId: author.id,
      articleId: article.id,
      undoneAt: null,
    });
    expect(parseSnapshot(entry!.before)).toEqual({ status: "PENDING", number: null, version: 0 });
    expect(parseSnapshot(entry!.after)).toEqual({ status: "APPROVED", number: 2, version: 1 });
    // The time recorded is the action's: between the call and its answer.
    expect(entry!.createdAt.getTime()).toBeGreaterThanOrEqual(asked.getTime());
    expect(entry!.createdAt.getTime()).toBeLessThanOrEqual(answered.getTime());
  });

  it("refuses an action on a post another moderator changed meanwhile, says who, and changes nothing", async () => {
    const { moderator, pending } = await setup();
    const other = await createUser(db, { role: "MODERATOR", username: "quickdraw" });
    const post = await pending();
    await moderatePost(other, { commentId: post.id, action: "approve", expectedVersion: 0 });

    const stale = moderatePost(moderator, { commentId: post.id, action: "reject", expectedVersion: 0 });
    await expect(stale).rejects.toThrow(Conflict);
    await expect(stale).rejects.toThrow(
      "This post was changed by another moderator (now: approved by quickdraw). Reload to see its current state.",
    );
    expect(await db.comment.findUnique({ where: { id: post.id } })).toMatchObject({ status: "APPROVED", version: 1 });
    expect(await logOf(post.id)).toHaveLength(1);
  });

  it("refuses, without a version, an action that no longer applies", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await expect(moderatePost(moderator, { commentId: post.id, action: "restore" })).rejects.toThrow(
      "A post that is waiting for moderation cannot be restored.",
    );
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await expect(moderatePost(moderator, { commentId: post.id, action: "approve" })).rejects.toThrow(
      "This post is already approved.",
    );
    await expect(moderatePost(moderator, { commentId: 999_999, action: "approve" })).rejects.toThrow(
      "We could not find that post",
    );
  });

  it("hides a post on reject, spam and delete, and restore brings it back under its old number", async () => {
    const { moderator, article, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    for (const action of ["reject", "spam", "delete"] as const) {
      await moderatePost(moderator, { commentId: post.id, action });
      expect(await visibleNumbers(article.id), action).toEqual([]);
      await moderatePost(moderator, { commentId: post.id, action: "restore" });
      expect(await visibleNumbers(article.id), `restore after ${action}`).toEqual([1]);
    }
    // A later post gets the next number; number 1 is never handed out again.
    const later = await pending();
    const { post: approved } = await moderatePost(moderator, { commentId: later.id, action: "approve" });
    expect(approved.number).toBe(2);
  });

  it("gives a post rejected while held its first number when it is restored", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "reject", reason: "off topic" });
    expect((await db.comment.findUnique({ where: { id: post.id } }))!.number).toBeNull();
    const { post: restored } = await moderatePost(moderator, { commentId: post.id, action: "restore" });
    expect(restored).toMatchObject({ status: "APPROVED", number: 1 });
  });

  it("records the @mentions of a post when it is approved, once", async () => {
    const { moderator, article, author, pending } = await setup();
    const earlier = await pending();
    await moderatePost(moderator, { commentId: earlier.id, action: "approve" });
    const reply = await createPendingComment(db, { articleId: article.id, body: `@${author.username}-- I agree.` });
    await moderatePost(moderator, { commentId: reply.id, action: "approve" });
    await undoLastAction(moderator, { commentId: reply.id });
    await moderatePost(moderator, { commentId: reply.id, action: "approve" });
    const mentions = await db.mention.findMany({ where: { commentId: reply.id } });
    expect(mentions).toEqual([expect.objectContaining({ targetCommentId: earlier.id, targetUserId: author.id })]);
  });
});

describe("editing a post", () => {
  it("changes the public text, keeps the author's original and marks the post edited", async () => {
    const { moderator, article, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await editPost(moderator, { commentId: post.id, body: "A tidier version.", expectedVersion: 1 });
    await editPost(moderator, { commentId: post.id, body: "A tidier version, again." });

    const [shown] = await listApprovedPosts(article.id, 1);
    expect(shown!.body).toBe("A tidier version, again.");
    expect(shown!.editedAt).not.toBeNull();
    expect((await db.comment.findUnique({ where: { id: post.id } }))!.originalBody).toBe(post.body);
    await expect(editPost(moderator, { commentId: post.id, body: "A tidier version, again." })).rejects.toThrow(
      "The text is unchanged.",
    );
  });

  it("holds a moderator's text to the rules of a reader's post: 5,000 characters fit, 5,001 and control characters do not", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    const form = (body: string) => ({ commentId: String(post.id), body, expectedVersion: "0" });
    const problems = (body: string) => editPostSchema.safeParse(form(body)).error?.issues.map((i) => i.message);
    expect(problems("y".repeat(5001))).toEqual(["Keep your comment to 5,000 characters or fewer"]);
    expect(problems("Hidden\u0000bytes")).toEqual([expect.stringMatching(/control characters/)]);
    expect(problems(" x ")).toEqual(["Write at least 2 characters"]);

    const longest = `  ${"z".repeat(5000)}  `;
    await editPost(moderator, parseInput(editPostSchema, form(longest)));
    expect((await db.comment.findUniqueOrThrow({ where: { id: post.id } })).body).toBe("z".repeat(5000));
  });
});

describe("undo", () => {
  it("walks back a post's history one action at a time, logging each undo", async () => {
    const { moderator, article, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await editPost(moderator, { commentId: post.id, body: "Edited by a moderator." });

    await undoLastAction(moderator, { commentId: post.id, expectedVersion: 2 });
    const afterFirstUndo = (await db.comment.findUnique({ where: { id: post.id } }))!;
    expect(afterFirstUndo).toMatchObject({ body: post.body, originalBody: null, editedAt: null, status: "APPROVED" });

    await undoLastAction(moderator, { commentId: post.id });
    expect(await db.comment.findUnique({ where: { id: post.id } })).toMatchObject({ status: "PENDING", number: 1 });
    expect(await visibleNumbers(article.id)).toEqual([]);

    await expect(undoLastAction(moderator, { commentId: post.id })).rejects.toThrow(
      "There is nothing left to undo on this post.",
    );
    const log = await logOf(post.id);
    expect(log.map((e) => [e.action, e.undoneAt !== null])).toEqual([
      ["approve", true],
      ["edit", true],
      ["undo", false],
      ["undo", false],
    ]);
    expect(parseSnapshot(log[3]!.after)).toMatchObject({ status: "PENDING" });

    // Approved again, it keeps the number it was first given.
    const { post: again } = await moderatePost(moderator, { commentId: post.id, action: "approve" });
    expect(again.number).toBe(1);
  });

  it("is refused when the post changed since its last moderation, and changes nothing", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    // The author edits the post (outside moderation): the version moves on.
    await db.comment.update({ where: { id: post.id }, data: { body: "Author's own edit", version: { increment: 1 } } });
    await expect(undoLastAction(moderator, { commentId: post.id })).rejects.toThrow(/changed since its last moderation action/);
    expect(await db.comment.findUnique({ where: { id: post.id } })).toMatchObject({
      status: "APPROVED",
      body: "Author's own edit",
    });
    await expect(undoLastAction(moderator, { commentId: post.id, expectedVersion: 1 })).rejects.toThrow(
      /changed by another moderator/,
    );
  });

  it("refuses with a sentence, and changes nothing, when the log entry it would undo cannot be read", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    const [entry] = await logOf(post.id);
    const unreadable: [string, { before?: string | null; after?: string | null }][] = [
      ["not JSON", { before: "{status: PENDING" }],
      ["no snapshot at all", { before: null }],
      ["JSON that is not an object", { before: "null" }],
      ["an unknown status", { before: JSON.stringify({ status: "VANISHED", number: null, version: 0 }) }],
      ["a date that is not one", { before: JSON.stringify({ body: "Put back", originalBody: null, editedAt: "last Tuesday" }) }],
      ["report ids that are not ids", { before: JSON.stringify({ openReportIds: ["all"] }) }],
      ["a version that is not a number", { after: JSON.stringify({ status: "APPROVED", number: 1, version: "1" }) }],
    ];
    for (const [what, corruption] of unreadable) {
      await db.moderationAction.update({
        where: { id: entry!.id },
        data: { before: entry!.before, after: entry!.after, ...corruption },
      });
      const refused = undoLastAction(moderator, { commentId: post.id });
      await expect(refused, what).rejects.toThrow(Conflict);
      await expect(refused, what).rejects.toThrow(`Log entry ${entry!.id} for this post cannot be read`);
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({
      status: "APPROVED",
      number: 1,
      version: 1,
      body: post.body,
    });
    expect((await logOf(post.id)).map((e) => [e.action, e.undoneAt])).toEqual([["approve", null]]);
  });

  it("shows an entry it cannot read in the log as unreadable, and offers no undo of it", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await moderatePost(moderator, { commentId: post.id, action: "reject" });
    const [, rejection] = await logOf(post.id);
    await db.moderationAction.update({
      where: { id: rejection!.id },
      data: { before: JSON.stringify({ status: "VANISHED", version: "one" }) },
    });

    const { entries } = await listModerationLog(moderator, { post: post.id });
    expect(entries.map((e) => [e.action, e.before, e.after, e.canUndo])).toEqual([
      ["reject", null, { status: "REJECTED", number: 1, version: 2 }, false],
      ["approve", { status: "PENDING", number: null, version: 0 }, { status: "APPROVED", number: 1, version: 1 }, false],
    ]);
  });
});

describe("reports", () => {
  it("dismissing keeps the post and closes its reports; undo reopens them", async () => {
    const { moderator, pending } = await setup();
    const post = await pending();
    await moderatePost(moderator, { commentId: post.id, action: "approve" });
    await db.report.createMany({
      data: [
        { commentId: post.id, reporterKey: "ip:a", reason: "rude" },
        { commentId: post.id, reporterKey: "ip:b", reason: "spam" },
      ],
    });
    await dismissReports(moderator, { commentId: post.id, reason: "fair comment" });
    expect(await db.report.count({ where: { commentId: post.id, dismissedAt: null } })).toBe(0);
    expect((await db.comment.findUnique({ where: { id: post.id } }))!.status).toBe("APPROVED");
    await expect(dismissReports(moderator, { commentId: post.id })).rejects.toThrow("This post has no open reports.");

    await undoLastAction(moderator, { commentId: post.id });
    expect(await db.report.count({ where: { commentId: post.id, dismissedAt: null } })).toBe(2);
  });
});

describe("a selection", () => {
  it("is moderated post by post: a post changed meanwhile is skipped and named, the rest go through", async () => {
    const { moderator, article, pending } = await setup();
    const [a, b, c] = [await pending(), await pending(), await pending()];
    await moderatePost(moderator, { commentId: b.id, action: "reject" });
    const result = await moderateSelection(moderator, {
      action: "approve",
      selected: [a, b, c].map((p) => ({ commentId: p.id, expectedVersion: 0 })),
    });
    expect(result.done.map((p) => p.id)).toEqual([a.id, c.id]);
    expect(result.skipped).toEqual([{ commentId: b.id, message: expect.stringMatching(/now: rejected by /) }]);
    expect(await visibleNumbers(article.id)).toEqual([2, 1]);
  });
});
