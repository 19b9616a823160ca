import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { postComment } from "@/lib/discussion/post-comment";
import { publicPosterName, posterNameFields } from "@/lib/discussion/poster";
import { writeSiteExport } from "@/lib/export/export-site";
import { importSite } from "@/lib/import/import-site";
import { isWxr } from "@/lib/import/wxr";
import { childOf, childrenOf, parseXml, textOf, type XmlElement } from "@/lib/import/xml-tree";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/text";
import { input, ip, newThread, trustedReader } from "../helpers/discussion";
import { closeDatabases, emptyDatabase } from "../helpers/import";

// `npm run export` and the /admin download write the site as WordPress's WXR 1.2
// and as JSON: secrets never leave, an anonymous post stays anonymous, and
// Quire's own import of the WXR file into an empty database finds the same
// articles and posts (titles, addresses, text, numbers, approval, replies).

afterAll(closeDatabases);

const ODD = "Kettles 🫖 & <b>not bold</b>, a literal ]]> and \u202Ereversed\u202C";
let wxr: string;
let json: string;
let anonHandle: string;
let resetTokenHash: string;

beforeAll(async () => {
  const article = await newThread();
  await db.article.update({
    where: { id: article.id },
    data: {
      title: `Why do kettles sing? ${ODD}`,
      summary: `Steam & whistles <i>explained</i> ]]>`,
      body: `## Sound\n\nA kettle **sings** ${ODD}.\n\n![A kettle](/media/0123456789abcdef01234567/480.webp)\n\n<script>alert(1)</script>`,
      tags: {
        create: [
          { tag: { create: { slug: "kettles", name: "Kettles" } } },
          { tag: { create: { slug: "sound", name: "Sound & noise" } } },
        ],
      },
    },
  });
  const alice = await trustedReader();
  const bob = await trustedReader();
  const first = await postComment(article.slug, input(`First ${ODD}\n\nSecond paragraph`), alice, { ipHash: ip() });
  await postComment(article.slug, input(`@${alice.username}-- I agree, 👍`), bob, { ipHash: ip() });
  const anonymous = await postComment(article.slug, input("Said anonymously", true), alice, { ipHash: ip() });
  anonHandle = (await db.comment.findUniqueOrThrow({ where: { id: anonymous.id } })).anonHandle!;
  await postComment(article.slug, input(`@${anonHandle}-- replying to the anonymous one`), bob, { ipHash: ip() });
  await postComment(article.slug, input("A guest waits for moderation"), null, { ipHash: ip() });
  const rejected = await postComment(article.slug, input("Rejected later"), bob, { ipHash: ip() });
  await db.comment.update({ where: { id: rejected.id }, data: { status: "REJECTED" } });
  expect(first.number).toBe(1);

  const draft = await newThread();
  await db.article.update({ where: { id: draft.id }, data: { status: "DRAFT", publishedAt: null, discussionOpen: false } });
  resetTokenHash = sha256Hex("a-reset-token");
  await db.passwordResetToken.create({
    data: { userId: alice.id, tokenHash: resetTokenHash, expiresAt: new Date(Date.now() + 3600_000) },
  });

  wxr = (await writeSiteExport(db, "wxr")).body;
  json = (await writeSiteExport(db, "json")).body;
});

const wp = (uri: string) => /^http:\/\/wordpress\.org\/export\/1\.2\/$/.test(uri);

describe("the WXR export", () => {
  it("is well-formed WXR 1.2 with the channel, terms, items and comments WordPress's importer reads", () => {
    const root = parseXml(wxr);
    expect(isWxr(root)).toBe(true);
    const channel = childOf(root, "channel")!;
    expect(textOf(channel, "wxr_version", wp)).toBe("1.2");
    for (const name of ["author", "category", "tag"]) expect(childrenOf(channel, name, wp).length).toBeGreaterThan(0);
    const items = childrenOf(channel, "item");
    expect(items.length).toBe(2 + 2); // two threads, and each trusted reader's first article
    const kettles = items.find((item) => textOf(item, "title")!.startsWith("Why do kettles"))!;
    for (const name of ["post_id", "post_date_gmt", "status", "post_name"]) expect(textOf(kettles, name, wp)).toBeTruthy();
    expect(textOf(kettles, "post_type", wp)).toBe("post");
    expect(textOf(kettles, "encoded", (uri) => uri === "http://purl.org/rss/1.0/modules/content/")).toContain(
      "<strong>sings</strong>",
    );
    expect(childrenOf(kettles, "category").map((c) => c.attributes.get("domain"))).toEqual(expect.arrayContaining(["category"]));
    const comments = childrenOf(kettles, "comment", wp);
    expect(comments).toHaveLength(6);
    const field = (comment: XmlElement, name: string) => textOf(comment, name, wp);
    for (const comment of comments) {
      for (const name of [
        "comment_id",
        "comment_parent",
        "comment_approved",
        "comment_author",
        "comment_author_email",
        "comment_date_gmt",
        "comment_content",
      ]) {
        expect(childOf(comment, name, wp), name).toBeDefined();
      }
    }
    expect(comments.map((c) => field(c, "comment_approved"))).toEqual(["1", "1", "1", "1", "0", "trash"]);
    const replies = comments.filter((c) => field(c, "comment_parent") !== "0");
    expect(replies.map((c) => comments.find((p) => field(p, "comment_id") === field(c, "comment_parent"))!)).toEqual([
      comments[0],
      comments[2],
    ]);
    // The text comes out whole: odd characters and "]]>" survive the CDATA.
    expect(field(comments[0]!, "comment_content")).toContain("a literal ]]&gt; and \u202Ereversed\u202C");
  });

  it("keeps the account behind an anonymous post out of the file", () => {
    const root = parseXml(wxr);
    const comment = childrenOf(childOf(root, "channel")!, "item")
      .flatMap((item) => childrenOf(item, "comment", wp))
      .find((c) => textOf(c, "comment_author", wp) === anonHandle)!;
    expect(textOf(comment, "comment_author_email", wp)).toBe("");
    expect(textOf(comment, "comment_user_id", wp)).toBe("0");
    const post = (
      JSON.parse(json) as { articles: { posts: { posterName: string; author: string | null; email: string | null }[] }[] }
    ).articles
      .flatMap((a) => a.posts)
      .find((p) => p.posterName === anonHandle)!;
    expect(post).toMatchObject({ author: null, email: null });
  });
});

describe("both exports", () => {
  it("never hold a password hash, an unsubscribe key, a reset token, an IP hash or a body fingerprint", async () => {
    const secrets = [
      ...(await db.user.findMany({ select: { passwordHash: true, unsubscribeKey: true } })).flatMap((u) => [
        u.passwordHash,
        u.unsubscribeKey,
      ]),
      ...(await db.comment.findMany({ select: { ipHash: true, bodyHash: true } })).flatMap((c) =>
        c.ipHash ? [c.ipHash, c.bodyHash] : [c.bodyHash],
      ),
      resetTokenHash,
    ];
    expect(secrets.length).toBeGreaterThan(20);
    for (const file of [wxr, json]) {
      for (const secret of secrets) expect(file).not.toContain(secret);
      expect(file).not.toMatch(/passwordHash|unsubscribeKey|ipHash|bodyHash|tokenHash|sessionVersion|\$argon2/);
    }
    const parsed = JSON.parse(json) as { format: string; people: object[]; articles: object[] };
    expect(parsed.format).toBe("quire-export");
    expect(parsed.people.length).toBe(await db.user.count());
    expect(parsed.articles.length).toBe(await db.article.count());
  });
});

const target = await emptyDatabase();

describe("exporting, then importing into an empty database", () => {
  /** What a reader and an editor would compare: each article and its visible or waiting posts. */
  async function snapshot(client: PrismaClient) {
    const articles = await client.article.findMany({
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        title: true,
        summary: true,
        body: true,
        status: true,
        publishedAt: true,
        discussionOpen: true,
        nextPostNumber: true,
        category: { select: { slug: true } },
        tags: { select: { tag: { select: { slug: true } } }, orderBy: { tag: { slug: "asc" } } },
        comments: {
          where: { status: { in: ["APPROVED", "PENDING"] } },
          orderBy: [{ number: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
          select: {
            number: true,
            body: true,
            status: true,
            createdAt: true,
            ...posterNameFields,
            mentions: { select: { targetComment: { select: { number: true } } } },
          },
        },
      },
    });
    // WXR dates are to the second.
    const seconds = (date: Date | null) => (date === null ? null : Math.floor(date.getTime() / 1000));
    return articles.map(({ comments, publishedAt, ...article }) => ({
      ...article,
      publishedAt: seconds(publishedAt),
      posts: comments.map(({ mentions, anonymous, anonHandle, author, createdAt, ...post }) => ({
        ...post,
        createdAt: seconds(createdAt),
        postedAs: publicPosterName({ anonymous, anonHandle, author }),
        replyTo: mentions.map((m) => m.targetComment?.number ?? null),
      })),
    }));
  }

  it("finds the same articles and posts: titles, addresses, text, numbers, approval and replies", async () => {
    const report = await importSite(target, new TextEncoder().encode(wxr));
    expect(report.imported.articles).toBe(await db.article.count());
    const before = await snapshot(db);
    const after = await snapshot(target);
    expect(after).toEqual(before);
    const kettles = after.find((article) => article.title.startsWith("Why do kettles"))!;
    expect(kettles.posts.map((p) => [p.number, p.status, p.replyTo])).toEqual([
      [1, "APPROVED", []],
      [2, "APPROVED", [1]],
      [3, "APPROVED", []],
      [4, "APPROVED", [3]],
      [null, "PENDING", []],
    ]);
    expect(kettles.title).toContain(ODD);
  });

  it("imports nothing more from the same file", async () => {
    const again = await importSite(target, new TextEncoder().encode(wxr));
    expect(again.nothingNew).toBe(true);
  });
});
