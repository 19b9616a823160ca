import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { postComment } from "@/lib/discussion/post-comment";
import { editOwnComment, deleteOwnComment } from "@/lib/discussion/change-own-comment";
import { reportComment } from "@/lib/discussion/report-comment";
import { listApprovedPosts, listOwnPosts } from "@/lib/discussion/queries";
import { readReceipt, receiptWith } from "@/lib/discussion/receipt";
import { createUser } from "../helpers/factories";
import { asActor, input, ip, newThread, refusal, trustedReader } from "../helpers/discussion";

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

    expect(
      await refusal(editOwnComment(posted.id, { body: "Too late" }, user, new Date(start.getTime() + 15 * 60_000))),
    ).toMatchObject({
      status: 403,
      message: expect.stringMatching(/15 minutes/),
    });
    expect(await refusal(editOwnComment(posted.id, { body: "Not mine" }, await trustedReader(), start))).toMatchObject({
      status: 403,
    });
  });

  it("go back to moderation when an edit adds too many links, keeping their number", async () => {
    const article = await newThread();
    const user = await trustedReader();
    const posted = await postComment(article.slug, input("Innocent"), user, { ipHash: ip() });
    const edited = await editOwnComment(
      posted.id,
      { body: "http://a.example http://b.example http://c.example http://d.example" },
      user,
    );
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
    expect((await listOwnPosts(article.id, { user: null, receiptIds: readReceipt(receipt) })).map((p) => p.id)).toEqual([
      guest.id,
    ]);
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
    expect(await refusal(reportComment(visible.id, { reason: "Again" }, null, { ipHash: address }))).toMatchObject({
      status: 409,
    });
    expect(await refusal(reportComment(held.id, { reason: "Cannot see it" }, null, { ipHash: ip() }))).toMatchObject({
      status: 404,
    });

    const reports = await db.report.findMany({ where: { commentId: visible.id }, orderBy: { id: "asc" } });
    expect(reports.map((r) => r.reporterKey)).toEqual([`user:${reader.id}`, `ip:${address}`]);
  });
});
