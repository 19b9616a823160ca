import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { listTables } from "@/lib/db/introspect";
import { loadContent } from "@/prisma/seed/content";
import { seedDatabase } from "@/prisma/seed/seed";
import { getPublishedArticle, listRelatedArticles } from "@/lib/articles/queries";
import { listApprovedPosts, pageCount, POSTS_PER_PAGE } from "@/lib/discussion/queries";
import { assignPostNumber } from "@/lib/discussion/numbering";
import { createArticle, createPendingComment, createUser } from "../helpers/factories";

describe("migrations", () => {
  it("apply to an empty file and create every table the app reads", async () => {
    const names = await listTables(db, dialect);
    for (const table of [
      "Article",
      "Comment",
      "User",
      "PasswordResetToken",
      "ModerationAction",
      "Report",
      "Fact",
      "HistoryEvent",
      "SiteSetting",
      "RateLimit",
    ]) {
      expect(names).toContain(table);
    }
  });

  it.skipIf(dialect !== "sqlite")("run SQLite in WAL mode with full sync", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(Number(sync?.synchronous)).toBe(2);
  });
});

describe("demo content seed", () => {
  const content = loadContent();

  it("has the corpus the brief asks for", () => {
    expect(content.articles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(content.articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(3);
    for (const article of content.articles) {
      const words = article.body.split(/\s+/).length;
      expect(words, article.slug).toBeGreaterThanOrEqual(400);
      expect(words, article.slug).toBeLessThanOrEqual(1100);
    }
    expect(Math.max(...content.discussions.map((d) => d.posts.length))).toBeGreaterThanOrEqual(20);
    expect(content.facts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(content.history.map((h) => `${h.month}-${h.day}`)).size).toBeGreaterThanOrEqual(30);
  });

  // Two full seeds of the demo corpus (40 articles, ~480 posts) take a while on a busy 2-core machine.
  it("is idempotent: a second run adds and duplicates nothing", { timeout: 120_000 }, async () => {
    const first = await seedDatabase(db, content);
    const counts = async () => ({
      users: await db.user.count(),
      articles: await db.article.count(),
      comments: await db.comment.count(),
      facts: await db.fact.count(),
      events: await db.historyEvent.count(),
      tags: await db.articleTag.count(),
    });
    const before = await counts();
    const second = await seedDatabase(db, content);
    expect(await counts()).toEqual(before);
    expect(first.postsSeeded).toBeGreaterThan(20);
    expect(second.postsSeeded).toBe(0);
    expect(before.articles).toBe(content.articles.length);
    // The "Last Modified Date" is the file's, not the time the seed ran.
    const sample = content.articles[0]!;
    const stored = await db.article.findUniqueOrThrow({ where: { slug: sample.slug } });
    expect(stored.updatedAt.toISOString()).toBe((sample.updated ?? sample.published).toISOString());
  });

  it("gives the moderators something to look at: held posts without numbers, and a report", async () => {
    const pending = await db.comment.findMany({ where: { status: "PENDING" } });
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.every((p) => p.number === null && p.heldReason)).toBe(true);
    expect(await db.report.count({ where: { dismissedAt: null } })).toBeGreaterThanOrEqual(1);
  });

  it("numbers every seeded thread 1..N with anonymous posts and resolved @mentions", async () => {
    const longest = content.discussions.reduce((a, b) => (a.posts.length >= b.posts.length ? a : b));
    const article = (await getPublishedArticle(longest.articleSlug))!;
    const newestPage = pageCount(article.nextPostNumber);
    const posts = await listApprovedPosts(article.id, newestPage);
    // Held posts get no number; the newest page holds the numbers from its first slot up.
    const visible = longest.posts.filter((p) => p.status === "approved").length;
    const firstOnPage = (newestPage - 1) * POSTS_PER_PAGE + 1;
    expect(posts.map((p) => p.number)).toEqual(Array.from({ length: visible - firstOnPage + 1 }, (_, i) => visible - i));
    expect(posts.some((p) => /^anon\d+$/.test(p.posterName))).toBe(true);
    const withMention = posts.find((p) => p.mentionTargets.size > 0)!;
    expect(withMention).toBeDefined();
    for (const target of withMention.mentionTargets.values()) expect(target).toBeLessThan(withMention.number);
  });
});

describe("related articles", () => {
  it("between articles of the same words, ranks by shared tags, then category, never the article itself", async () => {
    const author = await createUser(db);
    const base = await createArticle(db, { authorId: author.id, categorySlug: "rel-a", tags: ["rel-x", "rel-y"] });
    const twoTags = await createArticle(db, { authorId: author.id, categorySlug: "rel-b", tags: ["rel-x", "rel-y"] });
    const sameCategory = await createArticle(db, { authorId: author.id, categorySlug: "rel-a", tags: [] });
    const oneTag = await createArticle(db, { authorId: author.id, categorySlug: "rel-b", tags: ["rel-y"] });
    const nothingShared = await createArticle(db, { authorId: author.id, categorySlug: "rel-c", tags: ["rel-z"] });

    const loaded = (await getPublishedArticle(base.slug))!;
    const related = await listRelatedArticles({ id: loaded.id });
    // The factory's articles all have the same text, so only tags and category tell them apart.
    const ours = new Set([twoTags.slug, oneTag.slug, sameCategory.slug, nothingShared.slug]);
    expect(related.map((r) => r.slug).filter((slug) => ours.has(slug))).toEqual([
      twoTags.slug,
      oneTag.slug,
      sameCategory.slug,
      nothingShared.slug,
    ]);
    expect(related.map((r) => r.slug)).not.toContain(base.slug);
  });
});

describe("post numbers", () => {
  it("are given in order of becoming visible, never reused, and listed newest first", async () => {
    const author = await createUser(db);
    const article = await createArticle(db, { authorId: author.id });
    const first = await createPendingComment(db, { articleId: article.id });
    const second = await createPendingComment(db, { articleId: article.id });
    const third = await createPendingComment(db, { articleId: article.id });

    const approve = (id: number) =>
      db.$transaction(async (tx) => {
        await tx.comment.update({ where: { id }, data: { status: "APPROVED" } });
        return assignPostNumber(tx, id);
      });
    expect(await approve(third.id)).toBe(1);
    expect(await approve(first.id)).toBe(2);
    // Approving again keeps the number.
    expect(await approve(first.id)).toBe(2);
    // A removed post's number is not handed out again.
    await db.comment.update({ where: { id: first.id }, data: { status: "DELETED" } });
    expect(await approve(second.id)).toBe(3);

    const posts = await listApprovedPosts(article.id, 1);
    expect(posts.map((p) => p.number)).toEqual([3, 1]);
    // New posts are not edits: the article's Last Modified Date stays put.
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.updatedAt.toISOString()).toBe(article.updatedAt.toISOString());
  });

  it("stay distinct when many posts are approved at once", async () => {
    const author = await createUser(db);
    const article = await createArticle(db, { authorId: author.id });
    const comments = await Promise.all(
      Array.from({ length: 40 }, (_, i) => createPendingComment(db, { articleId: article.id, body: `concurrent ${i}` })),
    );
    const numbers = await Promise.all(
      comments.map((c) =>
        db.$transaction(async (tx) => {
          await tx.comment.update({ where: { id: c.id }, data: { status: "APPROVED" } });
          return assignPostNumber(tx, c.id);
        }),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
