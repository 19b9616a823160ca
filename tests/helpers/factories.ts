import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/accounts/password";
import { bodyFingerprint, randomToken } from "@/lib/text";

/** Test data builders: each returns a new, uniquely named row. */
export function uniqueName(prefix = "user"): string {
  return `${prefix}${crypto.randomBytes(4).toString("hex")}`.slice(0, 24);
}

export async function createUser(
  db: PrismaClient,
  { role = "READER" as Role, password = "correct horse battery staple", username = uniqueName() } = {},
) {
  return db.user.create({
    data: {
      username,
      usernameKey: username.toLowerCase(),
      email: `${username.toLowerCase()}@example.com`,
      passwordHash: await hashPassword(password),
      role,
      unsubscribeKey: randomToken(),
    },
  });
}

export async function createArticle(
  db: PrismaClient,
  {
    authorId,
    categorySlug = "general",
    tags = [] as string[],
    slug = uniqueName("article-"),
    discussionOpen = true,
  }: { authorId: number; categorySlug?: string; tags?: string[]; slug?: string; discussionOpen?: boolean },
) {
  const category = await db.category.upsert({
    where: { slug: categorySlug },
    create: { slug: categorySlug, name: categorySlug },
    update: {},
  });
  return db.article.create({
    data: {
      slug,
      title: `Article ${slug}`,
      summary: "A summary.",
      body: "Some **body** text.",
      status: "PUBLISHED",
      publishedAt: new Date(),
      authorId,
      categoryId: category.id,
      copyrightHolder: "Quire Editorial Team",
      discussionOpen,
      tags: {
        create: await Promise.all(
          tags.map(async (tag) => ({
            tag: { connectOrCreate: { where: { slug: tag }, create: { slug: tag, name: tag } } },
          })),
        ),
      },
    },
  });
}

export async function createPendingComment(
  db: PrismaClient,
  {
    articleId,
    authorId = null,
    body = `A comment ${randomToken(4)}`,
    anonymous = false,
  }: { articleId: number; authorId?: number | null; body?: string; anonymous?: boolean },
) {
  return db.comment.create({
    data: {
      articleId,
      authorId,
      body,
      anonymous,
      anonHandle: anonymous || !authorId ? `anon${crypto.randomInt(1000, 99999)}` : null,
      status: "PENDING",
      bodyHash: bodyFingerprint(body),
    },
  });
}
