import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/accounts/password";
import { assignPostNumber } from "@/lib/comments/numbering";
import { recordMentions } from "@/lib/comments/record-mentions";
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

/**
 * Loads the demo corpus. Idempotent: people are created once (a demo user who
 * changed a password keeps it), articles, facts and history follow their files,
 * and a discussion is seeded only into an article that has no posts yet, so
 * running it again never duplicates or overwrites what readers wrote.
 */
export async function seedDatabase(db: PrismaClient, content: Content) {
  const userIds = new Map<string, number>();
  for (const person of content.people) {
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
  const userId = (username: string, where: string) => {
    const id = userIds.get(username);
    if (id === undefined) throw new Error(`${where}: unknown person "${username}" (add them to people.md)`);
    return id;
  };

  const categoryIds = new Map<string, number>();
  for (const category of content.categories) {
    const row = await db.category.upsert({
      where: { slug: category.slug },
      create: category,
      update: { name: category.name, description: category.description },
    });
    categoryIds.set(category.slug, row.id);
  }

  const tagIds = new Map<string, number>();
  for (const slug of new Set(content.articles.flatMap((a) => a.tags))) {
    const row = await db.tag.upsert({ where: { slug }, create: { slug, name: slug.replace(/-/g, " ") }, update: {} });
    tagIds.set(slug, row.id);
  }

  const articleIds = new Map<string, number>();
  for (const article of content.articles) {
    const categoryId = categoryIds.get(article.category);
    if (categoryId === undefined) throw new Error(`articles/${article.slug}.md: unknown category "${article.category}"`);
    const data = {
      title: article.title,
      summary: article.summary,
      body: article.body,
      status: article.status === "published" ? ("PUBLISHED" as const) : ("DRAFT" as const),
      publishedAt: article.published,
      updatedAt: article.updated ?? article.published,
      authorId: userId(article.author, `articles/${article.slug}.md`),
      editorId: article.editor ? userId(article.editor, `articles/${article.slug}.md`) : null,
      categoryId,
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
  }

  let postsSeeded = 0;
  for (const discussion of content.discussions) {
    const articleId = articleIds.get(discussion.articleSlug);
    if (articleId === undefined) throw new Error(`discussions/${discussion.articleSlug}.md: no such article`);
    if ((await db.comment.count({ where: { articleId } })) > 0) continue;
    await db.$transaction(async (tx) => {
      for (const post of discussion.posts) {
        const created = await tx.comment.create({
          data: {
            articleId,
            body: post.body.trim(),
            authorId: post.author ? userId(post.author, `discussions/${discussion.articleSlug}.md`) : null,
            anonymous: post.anonymous,
            anonHandle: post.handle ?? null,
            status: post.status === "pending" ? "PENDING" : "APPROVED",
            heldReason: post.status === "pending" ? (post.held ?? "guest") : null,
            bodyHash: bodyFingerprint(post.body),
            createdAt: post.at,
          },
        });
        if (created.status === "APPROVED") await assignPostNumber(tx, created.id);
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

  for (const fact of content.facts) {
    await db.fact.upsert({
      where: { slug: fact.slug },
      create: fact,
      update: { title: fact.title, summary: fact.summary, body: fact.body },
    });
  }

  for (const day of content.history) {
    for (const event of day.events) {
      await db.historyEvent.upsert({
        where: { month_day_year_title: { month: day.month, day: day.day, year: event.year, title: event.title } },
        create: { month: day.month, day: day.day, ...event },
        update: { text: event.text },
      });
    }
  }

  return {
    people: userIds.size,
    articles: articleIds.size,
    postsSeeded,
    facts: content.facts.length,
    historyDays: content.history.length,
  };
}
