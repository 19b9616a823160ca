import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/accounts/password";
import { importSite } from "@/lib/import/import-site";
import { renderMarkdown } from "@/lib/markdown";
import { closeDatabases, emptyDatabase, rowCounts } from "../helpers/import";
import { disqusFile, wxrFile, type WxrItem } from "../helpers/export-files";
import { createArticle, createUser } from "../helpers/factories";

// WordPress and Disqus exports written here, with what real ones hold: several
// articles in several states, threaded comments in every state, odd characters
// (emoji, right-to-left marks, entities, a literal "]]>"), hostile markup.

afterAll(closeDatabases);

const bytes = (text: string) => new TextEncoder().encode(text);

const kettles: WxrItem = {
  id: 10,
  title: "Why do kettles sing? &amp; other noises 🫖",
  slug: "why-do-kettles-sing",
  date: "2024-03-01 09:00:00",
  categories: [
    ["kitchen-science", "Kitchen Science"],
    ["sound", "Sound"],
  ],
  tags: [
    ["kettles", "Kettles"],
    ["%e9%9f%b3", "音"],
  ],
  excerpt: "Steam, whistles &amp; bubbles.",
  content: [
    "A kettle <strong>sings</strong> before it boils.\nThen it rumbles.",
    "",
    '<script>document.cookie="stolen"</script><img src="https://img.example/k.jpg" alt="A kettle" onerror="alert(1)">',
    "",
    '<a href="javascript:alert(1)">Click me</a> and <a href="https://en.wikipedia.org/wiki/Kettle" onclick="steal()">read more</a>.',
    "",
    "A literal ]]> and &lt;![CDATA[ in the text, &lt;b&gt; written out, and אבג ‮reversed‬ 👩‍👩‍👧.",
    "",
    "<ul><li>one</li><li>two</li></ul>",
    "<pre>  keep   this\n    indented</pre>",
  ].join("\n"),
  comments: [
    // In file order, not date order: numbers follow the dates.
    {
      id: 102,
      author: "Bob Builder",
      email: "bob@example.org",
      date: "2024-03-02 10:00:00",
      content: "I agree <b>entirely</b> 👍",
      parent: 101,
    },
    {
      id: 101,
      author: "Ann Example",
      email: "ann@example.org",
      date: "2024-03-01 12:00:00",
      content: "First!\n\nMine sings in <em>B flat</em>.",
    },
    {
      id: 103,
      author: "Ann Example",
      email: "ann@example.org",
      date: "2024-03-03 08:00:00",
      content: "Waiting for a moderator",
      approved: "0",
      parent: 102,
    },
    {
      id: 104,
      author: "Cheap Pills",
      email: "spam@example.net",
      date: "2024-03-03 09:00:00",
      content: "buy now",
      approved: "spam",
    },
    { id: 105, author: "Other blog", date: "2024-03-03 10:00:00", content: "linked here", type: "pingback" },
    {
      id: 106,
      author: "María José",
      email: "maria@blog.example",
      date: "2024-03-04 10:00:00",
      content: "Thanks, everyone!",
      userId: 7,
      parent: 101,
    },
    { id: 107, author: "Gone", date: "2024-03-04 11:00:00", content: "deleted", approved: "trash" },
    {
      id: 108,
      author: "<script>x</script>Eve",
      date: "2024-03-05 11:00:00",
      content: "<script>alert(1)</script>Hello &amp; goodbye ]]> ‮evil‬",
    },
  ],
};

const site = wxrFile({
  https: true,
  title: "Kitchen & Co",
  authors: [{ id: 7, login: "maria", email: "maria@blog.example", displayName: "María José" }],
  items: [
    kettles,
    { id: 11, title: "A draft", slug: "a-draft", date: "2024-04-01 09:00:00", status: "draft", content: "Not yet." },
    { id: 12, title: "Members only", slug: "members-only", date: "2024-04-02 09:00:00", status: "private", content: "Secret." },
    { id: 13, title: "Protected", slug: "protected", date: "2024-04-03 09:00:00", password: "hunter2", content: "Also secret." },
    { id: 14, title: "About us", slug: "about", date: "2024-01-01 09:00:00", type: "page", content: "A page." },
    { id: 15, title: "kettle.jpg", slug: "kettle-jpg", date: "2024-01-01 09:00:00", type: "attachment", content: "" },
    { id: 16, title: "Old news", slug: "old-news", date: "2020-01-01 09:00:00", status: "trash", content: "Binned." },
  ],
});

const wordpressSite = await emptyDatabase();

describe("importing a WordPress export written here", () => {
  const client = wordpressSite;

  it("imports the articles in their states, and reports what it skipped and why", async () => {
    const report = await importSite(client, bytes(site));
    const articles = await client.article.findMany({ orderBy: { slug: "asc" }, select: { slug: true, status: true } });
    expect(articles).toEqual([
      { slug: "a-draft", status: "DRAFT" },
      { slug: "members-only", status: "DRAFT" },
      { slug: "protected", status: "DRAFT" },
      { slug: "why-do-kettles-sing", status: "PUBLISHED" },
    ]);
    expect(report.imported).toMatchObject({
      articles: 4,
      published: 1,
      unpublished: 3,
      posts: 5,
      approved: 4,
      pending: 1,
      replies: 3,
      people: 1,
    });
    const text = report.toText();
    for (const reason of [
      "pages",
      "attachments",
      'status "trash"',
      "spam",
      "pingbacks",
      "trash",
      "private posts",
      "password-protected",
    ]) {
      expect(text).toContain(reason);
    }
  });

  it("keeps the title's characters, the category, the tags and the date, and renders the text sanitized", async () => {
    const article = await client.article.findUniqueOrThrow({
      where: { slug: "why-do-kettles-sing" },
      include: { category: true, tags: { include: { tag: true } }, author: true, revisions: true },
    });
    expect(article.title).toBe("Why do kettles sing? & other noises 🫖");
    expect(article.summary).toBe("Steam, whistles & bubbles.");
    expect(article.publishedAt).toEqual(new Date("2024-03-01T09:00:00Z"));
    expect(article.category.slug).toBe("kitchen-science");
    expect(article.tags.map((t) => t.tag.name).sort()).toEqual(["Kettles", "Sound", "音"]);
    expect(article.copyrightHolder).toBe("Kitchen & Co");
    expect(article.revisions.map((r) => r.event)).toEqual(["import"]);

    const html = renderMarkdown(article.body);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|stolen/i);
    expect(html).toContain("<strong>sings</strong>");
    expect(html).toContain('<img src="https://img.example/k.jpg"');
    expect(html).toContain('alt="A kettle"');
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Kettle"');
    expect(html).toContain("Click me");
    expect(html).toContain("A literal ]]&gt; and &lt;![CDATA[ in the text, &lt;b&gt; written out");
    expect(html).toContain("‮reversed‬ 👩‍👩‍👧");
    expect(html).toMatch(/<li>one<\/li>\s*<li>two<\/li>/);
    expect(html).toContain("  keep   this\n    indented");
  });

  it("makes the author an editor who cannot log in with any password from the old site, and sends them no email", async () => {
    const maria = await client.user.findUniqueOrThrow({ where: { email: "maria@blog.example" } });
    expect(maria).toMatchObject({ username: "maria", displayName: "María José", role: "EDITOR", mentionEmails: false });
    expect(await verifyPassword(maria.passwordHash, "")).toBe(false);
    expect(await verifyPassword(maria.passwordHash, "maria")).toBe(false);
  });

  it("numbers the posts by date, keeps guests' names and emails, and links replies to the post they answer", async () => {
    const posts = await client.comment.findMany({
      where: { article: { slug: "why-do-kettles-sing" } },
      orderBy: { createdAt: "asc" },
      include: { mentions: { include: { targetComment: true } }, author: true },
    });
    expect(posts.map((p) => [p.number, p.status, p.anonymous ? p.anonHandle : p.author!.username])).toEqual([
      [1, "APPROVED", "Ann_Example"],
      [2, "APPROVED", "Bob_Builder"],
      [null, "PENDING", "Ann_Example"],
      [3, "APPROVED", "maria"],
      [4, "APPROVED", "Eve"],
    ]);
    const [ann, bob, pending, maria, eve] = posts;
    expect(ann!.body).toBe("First!\n\nMine sings in B flat.");
    expect(ann).toMatchObject({ guestName: "Ann Example", guestEmail: "ann@example.org", authorId: null, ipHash: null });
    expect(bob!.body).toBe("@Ann_Example-- I agree entirely 👍");
    expect(bob!.mentions.map((m) => [m.name, m.targetCommentId])).toEqual([["ann_example", ann!.id]]);
    expect(pending!.body).toBe("@Bob_Builder-- Waiting for a moderator");
    expect(pending!.heldReason).toBe("imported");
    expect(pending!.mentions[0]!.targetCommentId).toBe(bob!.id);
    expect(maria!.anonymous).toBe(false);
    expect(maria!.mentions[0]!.targetCommentId).toBe(ann!.id);
    // Comments are plain text: the markup is gone, the words and odd characters stay.
    expect(eve!.body).toBe("Hello & goodbye ]]> ‮evil‬");
    // The name is text too: the script and its content are gone.
    expect(eve!.guestName).toBe("Eve");
    expect(await client.mention.count({ where: { notifiedAt: null } })).toBe(0);
    const article = await client.article.findUniqueOrThrow({ where: { slug: "why-do-kettles-sing" } });
    expect(article.nextPostNumber).toBe(5);
  });

  it("imports nothing the second time, and says so", async () => {
    const before = await rowCounts(client);
    const report = await importSite(client, bytes(site));
    expect(report.nothingNew).toBe(true);
    expect(report.unchanged).toEqual({ articles: 4, posts: 5 });
    expect(report.toText()).toMatch(/^Nothing new to import: 4 articles and 5 posts/m);
    expect(await rowCounts(client)).toEqual(before);
  });

  it("adds only what is new from a later export, numbered after the posts already there", async () => {
    const later = wxrFile({
      https: true,
      title: "Kitchen & Co",
      authors: [{ id: 7, login: "maria", email: "maria@blog.example", displayName: "María José" }],
      items: [
        {
          ...kettles,
          comments: [
            ...kettles.comments!,
            {
              id: 109,
              author: "Bob Builder",
              email: "bob@example.org",
              date: "2024-02-01 10:00:00",
              content: "Late to the party",
              parent: 108,
            },
          ],
        },
      ],
    });
    const report = await importSite(client, bytes(later));
    expect(report.imported).toMatchObject({ articles: 0, posts: 1, replies: 1 });
    const late = await client.comment.findFirstOrThrow({ where: { body: { endsWith: "Late to the party" } } });
    expect(late.number).toBe(5);
    expect(late.body).toBe("@Eve-- Late to the party");
    expect(late.anonHandle).toBe("Bob_Builder");
  });

  it("reads the http namespace and WXR 1.0 as well", async () => {
    const old = await emptyDatabase();
    const file = wxrFile({
      version: "1.0",
      site: "http://old.example/",
      items: [
        {
          id: 1,
          title: "Old",
          slug: "old",
          date: "2009-05-05 05:05:05",
          content: "Text",
          tags: [["news", "News"]],
          creator: "admin",
        },
      ],
    });
    await importSite(old, bytes(file));
    const article = await old.article.findUniqueOrThrow({
      where: { slug: "old" },
      include: { tags: { include: { tag: true } }, author: true },
    });
    expect(article.tags.map((t) => t.tag.slug)).toEqual(["news"]);
    expect(article.author.username).toBe("admin");
    expect(article.author.email).toMatch(/@import\.invalid$/);
  });

  it("imports an item or comment that a broken export lists twice once, and says so", async () => {
    const twice = await emptyDatabase();
    const comment = { id: 1, author: "Ann", date: "2024-01-02 10:00:00", content: "Once" };
    const item = {
      id: 1,
      title: "Twice",
      slug: "twice",
      date: "2024-01-01 10:00:00",
      content: "Text",
      comments: [comment, comment],
    };
    const report = await importSite(twice, bytes(wxrFile({ items: [item, { ...item, comments: [] }] })));
    expect(await twice.article.count()).toBe(1);
    expect(await twice.comment.count()).toBe(1);
    expect(report.toText()).toContain("items listed twice in the file (the same id): the first was imported: “Twice”");
    expect(report.toText()).toContain("comments listed twice in the file (the same id)");
  });

  it("skips an article whose address another article on the site already has, and uses the account with the author's email", async () => {
    const owner = await createUser(db, { role: "EDITOR" });
    await createArticle(db, { authorId: owner.id, slug: "why-do-kettles-sing" });
    const maria = await createUser(db);
    await db.user.update({ where: { id: maria.id }, data: { email: "maria@blog.example" } });
    const report = await importSite(db, bytes(site));
    expect(report.imported).toMatchObject({ articles: 3, people: 0 });
    expect(await db.article.count({ where: { authorId: maria.id } })).toBe(3);
    expect((await db.user.findUniqueOrThrow({ where: { id: maria.id } })).role).toBe("READER");
    expect(await db.article.count({ where: { slug: "why-do-kettles-sing" } })).toBe(1);
    expect(await db.comment.count()).toBe(0);
    expect(report.toText()).toContain(
      "articles whose address is taken by an article already on the site: “Why do kettles sing? & other noises 🫖 (/articles/why-do-kettles-sing)",
    );
    expect(report.toText()).toMatch(/5 {2}comments on items that were not imported/);
  });
});

const disqusSite = await emptyDatabase();

describe("importing a Disqus export written here", () => {
  const client = disqusSite;
  const file = disqusFile({
    threads: [
      { id: "1", link: "http://blog.example/kettles/", title: "Why do kettles sing?", createdAt: "2020-01-01T10:00:00Z" },
      {
        id: "2",
        link: "https://blog.example/kettles/",
        title: "Why do kettles sing? (https)",
        createdAt: "2020-02-01T10:00:00Z",
      },
      { id: "3", link: "http://localhost:4000/nobody-commented/", title: "Quiet", createdAt: "2020-01-01T10:00:00Z" },
      {
        id: "4",
        link: "https://blog.example/closed/index.html",
        title: "Closed 🔒",
        createdAt: "2020-03-01T10:00:00Z",
        closed: true,
      },
    ],
    posts: [
      {
        id: "10",
        thread: "1",
        message: "<p>First <b>post</b></p><p>Second paragraph &amp; more</p>",
        createdAt: "2020-01-02T10:00:00Z",
        name: "Ann",
        username: "ann_d",
      },
      {
        id: "11",
        thread: "2",
        message: "<p>A reply on the https copy</p>",
        createdAt: "2020-02-02T10:00:00Z",
        name: "謝廣霖",
        username: "disqus_xCYYKxMiGf",
        parent: "10",
      },
      { id: "12", thread: "1", message: "<p>Buy pills</p>", createdAt: "2020-01-03T10:00:00Z", name: "Spammer", spam: true },
      { id: "13", thread: "1", message: "", createdAt: "2020-01-04T10:00:00Z", name: "Ann", username: "ann_d", deleted: true },
      {
        id: "14",
        thread: "1",
        message: "<p>Answering a deleted post</p>",
        createdAt: "2020-01-05T10:00:00Z",
        name: "Bob",
        parent: "13",
      },
      { id: "15", thread: "99", message: "<p>Lost</p>", createdAt: "2020-01-05T10:00:00Z", name: "Orphan" },
      {
        id: "16",
        thread: "4",
        message:
          '<p>See <a href="https://example.org/a/very/long/address" rel="nofollow">https://example.org/a/very/lo...</a> 😀</p>',
        createdAt: "2020-03-02T10:00:00Z",
        name: "Ann",
        username: "ann_d",
      },
    ],
  });

  it("makes one article per address, links replies, and skips spam, deleted and orphaned posts", async () => {
    const report = await importSite(client, bytes(file));
    const articles = await client.article.findMany({
      orderBy: { slug: "asc" },
      include: { comments: { orderBy: { number: "asc" } } },
    });
    expect(articles.map((a) => [a.slug, a.title, a.status, a.discussionOpen, a.comments.length])).toEqual([
      ["closed", "Closed 🔒", "PUBLISHED", false, 1],
      ["kettles", "Why do kettles sing?", "PUBLISHED", true, 3],
    ]);
    const [first, bob, reply] = articles[1]!.comments;
    expect(first!.body).toBe("First post\n\nSecond paragraph & more");
    expect(first!.anonHandle).toBe("Ann");
    expect(bob!.body).toBe("Answering a deleted post");
    expect(reply!.body).toBe("@Ann-- A reply on the https copy");
    expect(reply!.anonHandle).toBe("disqus_xCYYKxMiGf");
    expect(reply!.guestName).toBe("謝廣霖");
    expect(articles[0]!.comments[0]!.body).toBe("See https://example.org/a/very/long/address 😀");
    const text = report.toText();
    expect(text).toMatch(/1 {2}spam/);
    expect(text).toMatch(/1 {2}deleted comments/);
    expect(text).toMatch(/1 {2}comments whose thread is not in the file/);
    expect(text).toContain("no article made for them (1)");
    expect(report.imported).toMatchObject({ articles: 2, posts: 4, replies: 1 });
  });

  it("puts a thread's posts under the article already at its address, once", async () => {
    const site = await emptyDatabase();
    const owner = await createUser(site, { role: "EDITOR" });
    const existing = await createArticle(site, { authorId: owner.id, slug: "kettles" });
    await importSite(site, bytes(file));
    expect(await site.comment.count({ where: { articleId: existing.id } })).toBe(3);
    expect(await site.article.count()).toBe(2);
    const again = await importSite(site, bytes(file));
    expect(again.nothingNew).toBe(true);
    expect(await site.comment.count()).toBe(4);
  });
});
