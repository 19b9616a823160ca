import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { postComment } from "@/lib/discussion/post-comment";
import { onPostBecameVisible } from "@/lib/discussion/became-visible";
import { listApprovedPosts } from "@/lib/discussion/queries";
import { newCommentSchema } from "@/lib/discussion/schema";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { createUser } from "../helpers/factories";
import { asActor, input, ip, newThread, refusal, trustedReader, withSettings } from "../helpers/discussion";

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

  it("numbers posts made at the same moment 1, 2, 3… without a gap or a repeat, and loses none", async () => {
    // On PostgreSQL these run on separate connections, as from several server processes: the
    // transactions that collide on the article's next number are retried (lib/db/connect.ts).
    const article = await newThread();
    const readers = await Promise.all(Array.from({ length: 12 }, () => trustedReader()));
    const posted = await Promise.all(
      readers.map((reader, i) => postComment(article.slug, input(`Posted at the same moment, ${i}`), reader, { ipHash: ip() })),
    );
    expect(posted.every((post) => post.status === "approved")).toBe(true);
    expect(posted.map((post) => post.number).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await db.comment.count({ where: { articleId: article.id, status: "APPROVED" } })).toBe(12);
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
    const handles = await Promise.all(
      [a, b, c].map(async (p) => (await db.comment.findUniqueOrThrow({ where: { id: p.id } })).anonHandle),
    );
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
    expect(await postComment(article.slug, input(links), user, { ipHash: ip() })).toMatchObject({
      status: "pending",
      heldReason: "links",
    });
    expect(
      await postComment(article.slug, input("Three is fine: http://a.example http://b.example http://c.example"), user, {
        ipHash: ip(),
      }),
    ).toMatchObject({ status: "approved" });

    await withSettings({ blockedWords: ["Frobnicate"] }, async () => {
      expect(await postComment(article.slug, input("Please frobnicate this."), user, { ipHash: ip() })).toMatchObject({
        heldReason: "blocked-word",
      });
      // Whole words only.
      expect(await postComment(article.slug, input("Unfrobnicated text is fine."), user, { ipHash: ip() })).toMatchObject({
        status: "approved",
      });
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
      expect(await postComment(article.slug, input("Straight in."), null, { ipHash: ip() })).toMatchObject({
        status: "approved",
        number: 1,
      });
    });
  });

  it("refuses the same words from the same poster within 10 minutes, and accepts them after", async () => {
    const user = await trustedReader();
    const article = await newThread();
    const start = new Date();
    await postComment(article.slug, input("Exactly this."), user, { ipHash: ip(), now: start });
    const again = await refusal(
      postComment(article.slug, input("  exactly   THIS. "), user, { ipHash: ip(), now: new Date(start.getTime() + 9 * 60_000) }),
    );
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/same comment/) });
    const later = await postComment(article.slug, input("Exactly this."), user, {
      ipHash: ip(),
      now: new Date(start.getTime() + 11 * 60_000),
    });
    expect(later.status).toBe("approved");
    // Someone else may say the same thing.
    expect(
      (await postComment(article.slug, input("Exactly this."), await trustedReader(), { ipHash: ip(), now: start })).status,
    ).toBe("approved");
  });

  it("refuses a banned account, saying until when", async () => {
    const article = await newThread();
    const user = { ...(await trustedReader()), bannedUntil: new Date("2099-03-04T05:06:00Z") };
    const refused = await refusal(postComment(article.slug, input("Let me back in."), user, { ipHash: ip() }));
    expect(refused.status).toBe(403);
    expect(refused.message).toBe("You cannot post: you are banned until 4 March 2099 at 05:06 UTC.");
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
    // One fixed moment, so the burst cannot straddle two of the limit's one-minute windows.
    const now = new Date();
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(
        await postComment(article.slug, input(`Burst post ${i}`), null, { ipHash: address, now }).catch((e: DomainError) => e),
      );
    }
    const refused = results.filter((r) => r instanceof DomainError);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({
      status: 429,
      message: expect.stringMatching(/posting too often.*wait (\d+ seconds?|1 minute)/),
    });
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(5);

    const user = await trustedReader();
    for (let i = 0; i < 5; i++) await postComment(article.slug, input(`User post ${i}`), user, { ipHash: ip(), now });
    expect(await refusal(postComment(article.slug, input("One too many"), user, { ipHash: ip(), now }))).toMatchObject({
      status: 429,
    });
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
