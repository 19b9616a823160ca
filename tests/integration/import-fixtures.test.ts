import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importSite, ImportRefused } from "@/lib/import/import-site";
import { renderMarkdown } from "@/lib/markdown";
import { posterNameFields, publicPosterName } from "@/lib/discussion/poster";
import { readWxr } from "@/lib/import/wxr";
import { parseXml } from "@/lib/import/xml-tree";
import { SLUG_PATTERN } from "@/lib/slugs";
import { closeDatabases, emptyDatabase, fixturesIn, readFixture, rowCounts } from "../helpers/import";

// The real exports in ../shared/fixtures/import, each into an empty database of
// its own: the counts, states, replies and authors its SOURCES.md gives (for the
// choices Quire makes: pages skipped, password-protected and private posts kept
// as drafts, pings, spam and deleted comments skipped, Disqus threads merged by
// address path); and every malformed file refused, nothing written.

afterAll(closeDatabases);

type Expected = {
  articles: number;
  published: number;
  /** Imported but not public: drafts (private, password-protected) and scheduled. */
  hidden: number;
  approved: number;
  pending: number;
  replies: number;
  /** Visible posts (approved and pending) of each article that has any, ascending. */
  perArticle: number[];
  /** Accounts made for the site's own authors. */
  authors: number;
};

const VALID: Record<string, Expected> = {
  "wxr/valid/theme-unit-test-data.xml": {
    articles: 58,
    published: 55,
    hidden: 3,
    approved: 23,
    pending: 1,
    replies: 9,
    perArticle: [1, 1, 1, 1, 20],
    authors: 2,
  },
  "wxr/valid/small-export.xml": {
    articles: 6,
    published: 5,
    hidden: 1,
    approved: 1,
    pending: 0,
    replies: 0,
    perArticle: [1],
    authors: 3,
  },
  "wxr/valid/valid-wxr-1.0.xml": {
    articles: 3,
    published: 3,
    hidden: 0,
    approved: 1,
    pending: 0,
    replies: 0,
    perArticle: [1],
    authors: 1,
  },
  "wxr/valid/crazy-cdata-escaped.xml": {
    articles: 1,
    published: 1,
    hidden: 0,
    approved: 0,
    pending: 0,
    replies: 0,
    perArticle: [],
    authors: 1,
  },
  "wxr/valid/wxr-utf-8-challenges.xml": {
    articles: 1,
    published: 1,
    hidden: 0,
    approved: 0,
    pending: 0,
    replies: 0,
    perArticle: [],
    authors: 1,
  },
  "disqus/valid/disqus.xml": {
    articles: 2,
    published: 2,
    hidden: 0,
    approved: 4,
    pending: 0,
    replies: 1,
    perArticle: [1, 3],
    authors: 2,
  },
  "disqus/valid/evanlin_20210517.xml": {
    articles: 51,
    published: 51,
    hidden: 0,
    approved: 168,
    pending: 0,
    replies: 66,
    perArticle: [],
    authors: 1,
  },
};

const imported = new Map<string, PrismaClient>();

async function importFixture(relative: string): Promise<PrismaClient> {
  const known = imported.get(relative);
  if (known) return known;
  const client = await emptyDatabase();
  await importSite(client, readFixture(relative));
  imported.set(relative, client);
  return client;
}

async function perArticleCounts(client: PrismaClient): Promise<number[]> {
  const groups = await client.comment.groupBy({ by: ["articleId"], _count: { _all: true } });
  return groups.map((group) => group._count._all).sort((a, b) => a - b);
}

describe("every valid export in the shared fixtures", () => {
  it.each(fixturesIn("wxr/valid").concat(fixturesIn("disqus/valid")))(
    "imports %s with the counts its SOURCES.md gives",
    async (relative) => {
      const expected = VALID[relative];
      expect(expected, `add what ${relative} should import to VALID`).toBeDefined();
      const client = await importFixture(relative);
      expect(await client.article.count()).toBe(expected!.articles);
      expect(await client.article.count({ where: { status: "PUBLISHED" } })).toBe(expected!.published);
      expect(await client.article.count({ where: { status: { not: "PUBLISHED" } } })).toBe(expected!.hidden);
      expect(await client.comment.count({ where: { status: "APPROVED" } })).toBe(expected!.approved);
      expect(await client.comment.count({ where: { status: "PENDING" } })).toBe(expected!.pending);
      expect(await client.comment.count({ where: { status: { notIn: ["APPROVED", "PENDING"] } } })).toBe(0);
      expect(await client.mention.count({ where: { targetCommentId: { not: null } } })).toBe(expected!.replies);
      expect(await client.user.count({ where: { role: "EDITOR" } })).toBe(expected!.authors);
      if (expected!.perArticle.length > 0) expect(await perArticleCounts(client)).toEqual(expected!.perArticle);

      // Approved posts are numbered 1, 2, 3... by date in each article; pending ones have no number yet.
      const articles = await client.article.findMany({
        select: {
          slug: true,
          body: true,
          nextPostNumber: true,
          comments: { where: { status: "APPROVED" }, orderBy: { number: "asc" } },
        },
      });
      for (const article of articles) {
        expect(article.slug).toMatch(SLUG_PATTERN);
        expect(article.comments.map((post) => post.number)).toEqual(article.comments.map((_, i) => i + 1));
        const dates = article.comments.map((post) => post.createdAt.getTime());
        expect(dates).toEqual([...dates].sort((a, b) => a - b));
        expect(article.nextPostNumber).toBe(article.comments.length + 1);
        const html = renderMarkdown(article.body);
        expect(html).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
      }
      expect(await client.comment.count({ where: { status: "PENDING", number: { not: null } } })).toBe(0);
      // An import never sends mention emails: every reply's mention is marked as notified.
      expect(await client.mention.count({ where: { notifiedAt: null } })).toBe(0);
    },
  );

  it("links each reply of the ten-deep thread to the post it answers, by @mention", async () => {
    const client = await importFixture("wxr/valid/theme-unit-test-data.xml");
    const thread = await client.article.findUniqueOrThrow({ where: { slug: "template-comments" }, select: { id: true } });
    const replies = await client.comment.findMany({
      where: { articleId: thread.id, mentions: { some: {} } },
      orderBy: { number: "asc" },
      select: { body: true, mentions: { select: { name: true, targetComment: { select: posterNameFields } } } },
    });
    expect(replies).toHaveLength(9);
    for (const reply of replies) {
      const [mention] = reply.mentions;
      const parentName = publicPosterName(mention!.targetComment!);
      expect(reply.body.startsWith(`@${parentName}-- `)).toBe(true);
      expect(mention!.name).toBe(parentName.toLowerCase());
    }
    expect(replies.map((reply) => reply.body.replace(/^@\S+ /, ""))).toContain("Comment Depth 10\n\nAlso an author comment.");
    // The site's own author comments under their account, not as a guest.
    const byAuthor = await client.comment.findMany({ where: { articleId: thread.id, author: { username: "themedemos" } } });
    expect(byAuthor.map((post) => post.anonymous)).toEqual([false, false, false]);
  });

  it("keeps the password-protected post and the private post from the public, and schedules the future post", async () => {
    const theme = await importFixture("wxr/valid/theme-unit-test-data.xml");
    const status = async (client: PrismaClient, title: string) =>
      (await client.article.findFirstOrThrow({ where: { title }, select: { status: true, publishedAt: true } })).status;
    expect(await status(theme, 'Template: Password Protected (the password is "enter")')).toBe("DRAFT");
    const scheduled = await theme.article.findFirstOrThrow({ where: { title: "Scheduled" } });
    expect(scheduled.status).toBe("SCHEDULED");
    expect(scheduled.publishedAt?.getUTCFullYear()).toBe(2030);
    const untitled = await theme.article.findUniqueOrThrow({ where: { slug: "edge-case-no-title" } });
    expect(untitled.title).toBe("Untitled");
    // ">themereviewteam" is not declared: it is the declared themereviewteam, not a third author.
    expect(
      (await theme.user.findMany({ select: { username: true }, orderBy: { username: "asc" } })).map((u) => u.username),
    ).toEqual(["themedemos", "themereviewteam"]);
    const small = await importFixture("wxr/valid/small-export.xml");
    expect(await status(small, "Private Post")).toBe("DRAFT");
  });

  it("keeps two categories both named Foo apart, and a post's 27 categories as its category and tags", async () => {
    const client = await importFixture("wxr/valid/small-export.xml");
    const terms = [...(await client.category.findMany()), ...(await client.tag.findMany())];
    const foos = terms.filter((term) => term.name === "Foo").map((term) => term.slug);
    expect(new Set(foos)).toEqual(new Set(["foo", "foo-bar"]));
    const many = await client.article.findFirstOrThrow({
      where: { title: "Many Categories" },
      include: { tags: true, category: true },
    });
    expect(1 + many.tags.length).toBeGreaterThanOrEqual(27);
    expect(terms.some((term) => term.name === "远征手记" && SLUG_PATTERN.test(term.slug))).toBe(true);
  });

  it('reads WXR 1.0 tags (domain="tag") and a literal ]]> in split CDATA', async () => {
    const old = await importFixture("wxr/valid/valid-wxr-1.0.xml");
    expect(await old.articleTag.count()).toBeGreaterThan(0);
    const file = readWxr(parseXml(readFixture("wxr/valid/crazy-cdata-escaped.xml").toString("utf8")));
    expect(file.articles[0]!.html).toBe("Content with nested <![CDATA[ tags ]]> :)");
    // In HTML, <![CDATA[ ... ]]> is a bogus comment: a browser shows what the article now says.
    const cdata = await importFixture("wxr/valid/crazy-cdata-escaped.xml");
    expect((await cdata.article.findFirstOrThrow()).body).toBe("Content with nested :)");
  });

  it("imports the pages too when asked, giving the page that shares a post's address a number", async () => {
    const client = await emptyDatabase();
    const report = await importSite(client, readFixture("wxr/valid/valid-wxr-1.0.xml"), { includePages: true });
    expect(report.imported.articles).toBe(6);
    expect(await client.article.count({ where: { slug: { in: ["child-post", "child-post-2"] } } })).toBe(2);
  });

  it("keeps the UTF-8 challenges in the title and makes an address Quire accepts", async () => {
    const client = await importFixture("wxr/valid/wxr-utf-8-challenges.xml");
    const article = await client.article.findFirstOrThrow();
    expect(article.title).toContain("🌲");
    expect(article.title).toContain("\u202E");
    expect(article.slug).toBe("hello-w-orld-utf8-test");
    expect(article.body).toContain("🚀🌟💫");
  });

  it("skips the orphan and makes no article for Disqus threads without comments", async () => {
    const isso = await importFixture("disqus/valid/disqus.xml");
    expect(await isso.comment.count({ where: { body: { contains: "..." } } })).toBe(1);
    const evanlin = await importFixture("disqus/valid/evanlin_20210517.xml");
    // The http and https threads of create-your-line-bot-golang are one article: 38 + 6 posts.
    const lineBot = await evanlin.article.findUniqueOrThrow({
      where: { slug: "create-your-line-bot-golang" },
      include: { _count: { select: { comments: true } } },
    });
    expect(lineBot._count.comments).toBe(44);
    // A commenter whose name has no Latin letters posts under their Disqus username.
    expect(await evanlin.comment.count({ where: { guestName: "謝廣霖", anonHandle: "disqus_xCYYKxMiGf" } })).toBe(1);
  });

  it("imports nothing the second time, and says so", async () => {
    const client = await importFixture("disqus/valid/evanlin_20210517.xml");
    const before = await rowCounts(client);
    const report = await importSite(client, readFixture("disqus/valid/evanlin_20210517.xml"));
    expect(report.nothingNew).toBe(true);
    expect(report.unchanged.posts).toBe(168);
    expect(report.toText()).toContain("Nothing new to import");
    expect(await rowCounts(client)).toEqual(before);
  });
});

describe("every malformed export in the shared fixtures", () => {
  it.each(fixturesIn("wxr/malformed").concat(fixturesIn("disqus/malformed")))(
    "refuses %s whole, leaving the database as it was",
    async (relative) => {
      const client = await importFixture("wxr/valid/small-export.xml");
      const before = await rowCounts(client);
      const error = await importSite(client, readFixture(relative)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefused);
      expect((error as Error).message).toMatch(/not well-formed XML \(.+ at line \d+, column \d+\)/);
      expect(await rowCounts(client)).toEqual(before);
    },
  );
});
