import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthenticationRequired, Forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { dismissReports, editPost, moderatePost, moderateSelection } from "@/lib/moderation/actions";
import { undoLastAction } from "@/lib/moderation/undo";
import { banUser, unbanUser } from "@/lib/moderation/bans";
import { listDiscussions, setDiscussionState } from "@/lib/moderation/discussion";
import { countWaitingItems, listModerationQueue } from "@/lib/moderation/queue";
import { listModerationLog } from "@/lib/moderation/log";
import { findPostId, getPostForReview } from "@/lib/moderation/review";
import { readPolicies, updatePolicies } from "@/lib/moderation/policies";
import { getSiteSettings } from "@/lib/settings/queries";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { POST_ACTIONS } from "@/lib/moderation/schema";
import { createArticle, createPendingComment, createUser } from "../helpers/factories";

// Every moderation function checks the actor itself, whoever calls it: these
// call them directly, as a page, server action or route would, with the
// actors who must be refused, and check that nothing changed.

let pending: { id: number };
let approved: { id: number };
let removed: { id: number };
let bannedUser: { id: number };
let reader: { id: number };
let article: { id: number };
let people: [string, Actor, typeof AuthenticationRequired | typeof Forbidden][];

beforeAll(async () => {
  const moderator = await createUser(db, { role: "MODERATOR" });
  reader = await createUser(db);
  const editor = await createUser(db, { role: "EDITOR" });
  bannedUser = await createUser(db);
  article = await createArticle(db, { authorId: editor.id });
  pending = await createPendingComment(db, { articleId: article.id, authorId: reader.id });
  approved = await createPendingComment(db, { articleId: article.id });
  await moderatePost(moderator, { commentId: approved.id, action: "approve" });
  removed = await createPendingComment(db, { articleId: article.id });
  await moderatePost(moderator, { commentId: removed.id, action: "spam" });
  await db.report.create({ data: { commentId: approved.id, reporterKey: "ip:x", reason: "rude" } });
  await banUser(moderator, { userId: bannedUser.id, duration: "30", reason: "Spamming" });
  people = [
    ["a guest", null, AuthenticationRequired],
    ["a reader", reader as Actor, Forbidden],
    ["an editor", editor as Actor, Forbidden],
  ];
});

/** Everything a moderation function could change. */
async function state() {
  return {
    comments: await db.comment.findMany({ orderBy: { id: "asc" } }),
    reports: await db.report.findMany({ orderBy: { id: "asc" } }),
    log: await db.moderationAction.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, bannedUntil: true, banReason: true, sessionVersion: true },
    }),
    articles: await db.article.findMany({
      orderBy: { id: "asc" },
      select: { id: true, discussionOpen: true, nextPostNumber: true },
    }),
    settings: await getSiteSettings(),
  };
}

const attempts: [string, (actor: Actor) => Promise<unknown>][] = [
  ...POST_ACTIONS.map((action): [string, (actor: Actor) => Promise<unknown>] => [
    action,
    (actor) => moderatePost(actor, { commentId: action === "restore" ? removed.id : pending.id, action }),
  ]),
  [
    "a selection",
    (actor) => moderateSelection(actor, { action: "approve", selected: [{ commentId: pending.id, expectedVersion: 0 }] }),
  ],
  ["edit", (actor) => editPost(actor, { commentId: approved.id, body: "Rewritten by someone who may not." })],
  ["dismiss reports", (actor) => dismissReports(actor, { commentId: approved.id })],
  ["undo", (actor) => undoLastAction(actor, { commentId: approved.id })],
  ["ban", (actor) => banUser(actor, { userId: reader.id, duration: "forever", reason: "No reason at all" })],
  ["lift a ban", (actor) => unbanUser(actor, { userId: bannedUser.id })],
  ["close a discussion", (actor) => setDiscussionState(actor, { articleId: article.id, state: "closed" })],
  ["change policies", (actor) => updatePolicies(actor, { ...DEFAULT_SETTINGS, holdGuestPosts: false })],
  ["read the policies form", (actor) => readPolicies(actor)],
  ["read the queue", (actor) => listModerationQueue(actor)],
  ["count the queue", (actor) => countWaitingItems(actor)],
  ["read the log", (actor) => listModerationLog(actor, {})],
  ["list discussions", (actor) => listDiscussions(actor)],
  ["review a post", (actor) => getPostForReview(actor, pending.id)],
  ["find a post", (actor) => findPostId(actor, String(pending.id))],
];

describe("moderation refuses anyone but moderators and admins", () => {
  for (const [what, attempt] of attempts) {
    it(`refuses "${what}" to a guest, a reader and an editor, and changes nothing`, async () => {
      const before = await state();
      for (const [who, actor, refusal] of people) {
        await expect(attempt(actor), who).rejects.toBeInstanceOf(refusal);
      }
      expect(await state()).toEqual(before);
    });
  }

  it("refuses site policies to a moderator too: they are for admins", async () => {
    const moderator = await createUser(db, { role: "MODERATOR" });
    await expect(readPolicies(moderator)).rejects.toBeInstanceOf(Forbidden);
    const before = await state();
    await expect(updatePolicies(moderator, { ...(await getSiteSettings()), holdGuestPosts: false })).rejects.toThrow(
      "You need to be an administrator to change site policies.",
    );
    expect(await state()).toEqual(before);
  });
});
