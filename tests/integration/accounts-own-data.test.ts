import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { listTables } from "@/lib/db/introspect";
import { postComment } from "@/lib/discussion/post-comment";
import { listApprovedPosts } from "@/lib/discussion/queries";
import { reportComment } from "@/lib/discussion/report-comment";
import { subscribeReader } from "@/lib/subscriptions/subscriptions";
import { deleteOwnAccount, exportOwnData } from "@/lib/accounts/own-data";
import { createUser } from "../helpers/factories";
import { asActor, input, ip, newThread, refusal, trustedReader } from "../helpers/discussion";

// A reader's own data: they can take all of it, and close their account,
// after which their posts read as by "deleted user" and nothing names them.

const PASSWORD = "correct horse battery staple";

/** Every text value in every table, to look for what identifies someone. */
async function everyStoredText(): Promise<string> {
  const tables = (await listTables(db, dialect)).filter(
    (name) => !name.startsWith("_prisma") && !name.startsWith("ArticleSearch"),
  );
  const texts: string[] = [];
  for (const name of tables) texts.push(JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${name}"`)));
  return texts.join("\n");
}

describe("a reader's own data", () => {
  it("downloads as one JSON document with their posts, reports and follows, and never a hash or a key", async () => {
    const article = await newThread();
    const reader = await trustedReader();
    const other = await trustedReader();
    const theirs = await postComment(article.slug, input("My own words, to take with me"), reader, { ipHash: ip() });
    const others = await postComment(article.slug, input("Someone else's words"), other, { ipHash: ip() });
    await reportComment(others.id, { reason: "Off topic" }, reader, { ipHash: ip() });
    await subscribeReader(reader.id, article.slug);

    const data = await exportOwnData(reader);
    expect(data.account.username).toBe(reader.username);
    expect(data.posts.map((p) => p.body)).toContain("My own words, to take with me");
    expect(data.posts.find((p) => p.id === theirs.id)?.article.slug).toBe(article.slug);
    expect(data.posts.map((p) => p.body)).not.toContain("Someone else's words");
    expect(data.reportsMade).toEqual([expect.objectContaining({ commentId: others.id, reason: "Off topic" })]);
    expect(data.discussionsFollowed.map((s) => s.article.slug)).toEqual([article.slug]);
    const stored = await db.user.findUniqueOrThrow({ where: { id: reader.id } });
    const text = JSON.stringify(data);
    for (const secret of [stored.passwordHash, stored.unsubscribeKey]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|unsubscribeKey|sessionVersion|tokenHash/);
    expect((await refusal(exportOwnData(null))).status).toBe(401);
  });

  it("closes the account with the password: the posts stay as by “deleted user”, and nothing names the reader", async () => {
    const article = await newThread();
    const user = await createUser(db, { password: PASSWORD });
    const reader = asActor(user);
    await db.comment.create({
      data: {
        articleId: (await newThread()).id,
        body: "an earlier approved post",
        authorId: user.id,
        status: "APPROVED",
        bodyHash: "x",
        number: 1,
      },
    });
    const posted = await postComment(article.slug, input("A post that outlives its account"), reader, { ipHash: ip() });
    await postComment(article.slug, input("An anonymous one", true), reader, { ipHash: ip() });
    await subscribeReader(reader.id, article.slug);

    expect((await refusal(deleteOwnAccount(reader, "not my password"))).status).toBe(400);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);

    await deleteOwnAccount(reader, PASSWORD);
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    const kept = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    expect(kept).toMatchObject({ body: "A post that outlives its account", authorId: null, ipHash: null, status: "APPROVED" });
    const shown = await listApprovedPosts(article.id, 1);
    expect(shown.find((p) => p.id === posted.id)?.posterName).toBe("deleted user");
    expect(shown.find((p) => p.body === "An anonymous one")?.posterName).toMatch(/^anon\d+$/);
    const everything = await everyStoredText();
    expect(everything).not.toContain(user.email);
    expect(everything).not.toContain(user.username);
  });

  it("is refused for staff, who are closed by an admin, and for a guest", async () => {
    for (const role of ["MODERATOR", "EDITOR", "ADMIN"] as const) {
      const staff = await createUser(db, { role, password: PASSWORD });
      expect((await refusal(deleteOwnAccount(asActor(staff), PASSWORD))).status).toBe(403);
      expect(await db.user.count({ where: { id: staff.id } })).toBe(1);
    }
    expect((await refusal(deleteOwnAccount(null, PASSWORD))).status).toBe(401);
  });
});
