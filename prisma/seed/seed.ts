import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/accounts/password";
import { assignPostNumber } from "@/lib/discussion/numbering";
import { recordMentions } from "@/lib/discussion/record-mentions";
import { bodyFingerprint, randomToken } from "@/lib/text";
import type { Content } from "./content";

/** The demo accounts, one per role; the README lists them. */
export const DEMO_PASSWORDS: Record<string, string> = {
  reader: "quire-reader-2026",
  moderator: "quire-moderator-2026",
  editor: "quire-editor-2026",
  admin: "quire-admin-2026",
};

const ROLE = { reader: "READER", moderator: "MODERATOR", editor: "EDITOR", admin: "ADMIN" } as const;

type Ids = Map<string, number>;

/** Looks a name up in a map built by an earlier step, naming the file to fix when it is missing. */
function idOf(ids: Ids, name: string, what: string, where: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`${where}: unknown ${what} "${name}"`);
  return id;
}

/**
 * Loads the demo corpus. Idempotent: people are created once (a demo user who
 * changed a password keeps it), articles, facts and history follow their files,
 * and a discussion is seeded only into an article that has no posts yet, so
 * running it again never duplicates or overwrites what readers wrote.
 */
export async function seedDatabase(db: PrismaClient, content: Content) {
  const userIds = await seedPeople(db, content.people);
  const articleIds = await seedArticles(db, content, userIds);
  const postsSeeded = await seedDiscussions(db, content.discussions, articleIds, userIds);
  await seedFacts(db, content.facts);
  await seedHistory(db, content.history);
  return {
    people: userIds.size,
    articles: articleIds.size,
    postsSeeded,
    facts: content.facts.length,
    historyDays: content.history.length,
  };
}

async function seedPeople(db: PrismaClient, people: Content["people"]): Promise<Ids> {
  const userIds: Ids = new Map();
  for (const person of people) {
    const existing = await db.user.findUnique({ where: { usernameKey: person.username }, select: { id: true } });
    const user =
      existing ??
      (await db.user.create({
        data: {
          username: person.username,
          usernameKey: person.username.toLowerCase(),
          displayName: person.name,
          email: person.email.toLowerCase(),
          role: ROLE[person.role],
          bio: person.bio ?? null,
          // People without a listed demo password get one nobody knows; they can reset it.
          passwordHash: await hashPassword(DEMO_PASSWORDS[person.username] ?? randomToken()),
          unsubscribeKey: randomToken(),
          createdAt: new Date("2025-01-01T00:00:00Z"),
        },
        select: { id: true },
      }));
    userIds.set(person.username, user.id);
  }
  return userIds;
}

/**
 * Gives a seeded article a revision when its file says something its latest
 * revision does not (always, the first time), so the back office's history and
 * its stale-save check stay true after a re-seed.
 */
async function recordSeededRevision(
  db: PrismaClient,
  articleId: number,
  article: {
    slug: string;
    title: string;
    summary: string;
    body: string;
    status: string;
    updatedAt: Date;
    authorId: number;
    editorId: number | null;
    categoryId: number;
  },
  tagSlugs: string[],
) {
  const latest = await db.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, title: true, summary: true, body: true },
  });
  if (latest && latest.title === article.title && latest.summary === article.summary && latest.body === article.body) return;
  const number = (latest?.number ?? 0) + 1;
  const fields = {
    slug: article.slug,
    categoryId: article.categoryId,
    tags: tagSlugs.map((slug) => slug.replace(/-/g, " ")),
    authorId: article.authorId,
    editorId: article.editorId,
    status: article.status,
  };
  await db.articleRevision.create({
    data: {
      articleId,
      number,
      title: article.title,
      summary: article.summary,
      body: article.body,
      fields: JSON.stringify(fields),
      event: "seed",
      savedById: article.authorId,
      createdAt: article.updatedAt,
    },
  });
  await db.article.update({ where: { id: articleId }, data: { revision: number } });
}

async function seedArticles(db: PrismaClient, content: Content, userIds: Ids): Promise<Ids> {
  const categoryIds: Ids = new Map();
  for (const category of content.categories) {
    const row = await db.category.upsert({
      where: { slug: category.slug },
      create: category,
      update: { name: category.name, description: category.description },
    });
    categoryIds.set(category.slug, row.id);
  }
  const tagIds: Ids = new Map();
  for (const slug of new Set(content.articles.flatMap((a) => a.tags))) {
    const row = await db.tag.upsert({ where: { slug }, create: { slug, name: slug.replace(/-/g, " ") }, update: {} });
    tagIds.set(slug, row.id);
  }

  const articleIds: Ids = new Map();
  for (const article of content.articles) {
    const file = `articles/${article.slug}.md`;
    const data = {
      title: article.title,
      summary: article.summary,
      body: article.body,
      status: article.status === "published" ? ("PUBLISHED" as const) : ("DRAFT" as const),
      publishedAt: article.published,
      updatedAt: article.updated ?? article.published,
      authorId: idOf(userIds, article.author, "person (add them to people.md)", file),
      editorId: article.editor ? idOf(userIds, article.editor, "person (add them to people.md)", file) : null,
      categoryId: idOf(categoryIds, article.category, "category", file),
      copyrightHolder: article.copyright,
      discussionOpen: article.discussion === "open",
    };
    const row = await db.article.upsert({
      where: { slug: article.slug },
      create: { slug: article.slug, ...data, createdAt: article.published },
      update: data,
      select: { id: true },
    });
    articleIds.set(article.slug, row.id);
    await db.articleTag.deleteMany({ where: { articleId: row.id } });
    await db.articleTag.createMany({ data: article.tags.map((t) => ({ articleId: row.id, tagId: tagIds.get(t)! })) });
    await recordSeededRevision(db, row.id, { slug: article.slug, ...data }, article.tags);
  }
  return articleIds;
}

/** Seeds each thread, in one transaction, into an article that has no posts yet. Returns the posts added. */
async function seedDiscussions(db: PrismaClient, discussions: Content["discussions"], articleIds: Ids, userIds: Ids) {
  let postsSeeded = 0;
  for (const discussion of discussions) {
    const file = `discussions/${discussion.articleSlug}.md`;
    const articleId = idOf(articleIds, discussion.articleSlug, "article", file);
    if ((await db.comment.count({ where: { articleId } })) > 0) continue;
    await db.$transaction(async (tx) => {
      for (const post of discussion.posts) {
        const pending = post.status === "pending";
        const created = await tx.comment.create({
          data: {
            articleId,
            body: post.body.trim(),
            authorId: post.author ? idOf(userIds, post.author, "person (add them to people.md)", file) : null,
            anonymous: post.anonymous,
            anonHandle: post.handle ?? null,
            status: pending ? "PENDING" : "APPROVED",
            heldReason: pending ? (post.held ?? "guest") : null,
            bodyHash: bodyFingerprint(post.body),
            createdAt: post.at,
          },
        });
        if (!pending) await assignPostNumber(tx, created.id);
        await recordMentions(tx, created);
        for (const [index, report] of post.reports.entries()) {
          await tx.report.create({
            data: { commentId: created.id, reporterKey: `demo:${index}`, reason: report.reason, createdAt: post.at },
          });
        }
        postsSeeded++;
      }
    });
  }
  return postsSeeded;
}

async function seedFacts(db: PrismaClient, facts: Content["facts"]) {
  for (const fact of facts) {
    await db.fact.upsert({
      where: { slug: fact.slug },
      create: fact,
      update: { title: fact.title, summary: fact.summary, body: fact.body },
    });
  }
}

async function seedHistory(db: PrismaClient, days: Content["history"]) {
  for (const day of days) {
    for (const event of day.events) {
      await db.historyEvent.upsert({
        where: { month_day_year_title: { month: day.month, day: day.day, year: event.year, title: event.title } },
        create: { month: day.month, day: day.day, ...event },
        update: { text: event.text },
      });
    }
  }
}
