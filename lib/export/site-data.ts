import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { stripMentionSeparator } from "@/lib/discussion/mentions";

/*
 * Everything an export writes, read in one place so that what is left out is
 * decided once: password hashes, session versions, unsubscribe keys, reset
 * tokens, IP hashes and body fingerprints are never selected, and neither are
 * moderation records, reports, rate limits or revisions. An anonymous post by
 * an account is exported under its handle only, without the account: the
 * handle was made so that nobody could link the two.
 *
 * Reads are not wrapped in a transaction (Quire's transactions take the write
 * lock, which would stall the site for the length of an export): a post
 * written while the export runs may or may not be in it, and nothing refers to
 * a row the export does not hold.
 */

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  role: true,
  bio: true,
  mentionEmails: true,
  disabledAt: true,
  createdAt: true,
} as const;

export async function loadSiteData(client: PrismaClient) {
  const articles = await client.article.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      status: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      authorId: true,
      editorId: true,
      copyrightHolder: true,
      discussionOpen: true,
      nextPostNumber: true,
      category: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { slug: "asc" } } },
      oldSlugs: { select: { slug: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const articleIds = articles.map((article) => article.id);
  const comments = await client.comment.findMany({
    where: { articleId: { in: articleIds } },
    orderBy: [{ articleId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      articleId: true,
      number: true,
      body: true,
      status: true,
      createdAt: true,
      editedAt: true,
      anonymous: true,
      anonHandle: true,
      guestName: true,
      guestEmail: true,
      authorId: true,
      author: { select: { username: true, email: true } },
      mentions: { select: { name: true, targetCommentId: true }, orderBy: { id: "asc" } },
    },
  });
  const [users, categories, tags, facts, history] = await Promise.all([
    client.user.findMany({ orderBy: { id: "asc" }, select: userSelect }),
    client.category.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true, description: true } }),
    client.tag.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } }),
    client.fact.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true, summary: true, body: true } }),
    client.historyEvent.findMany({
      orderBy: [{ month: "asc" }, { day: "asc" }, { year: "asc" }],
      select: { month: true, day: true, year: true, title: true, text: true },
    }),
  ]);

  const exportedIds = new Set(comments.map((comment) => comment.id));
  const postsByArticle = new Map<number, ExportPost[]>();
  for (const comment of comments) {
    const post: ExportPost = {
      id: comment.id,
      number: comment.number,
      body: comment.body,
      status: comment.status,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
      // Who wrote it, as the public saw it; an account behind an anonymous handle stays out.
      posterName: comment.anonymous || !comment.author ? (comment.anonHandle ?? "anonymous") : comment.author.username,
      authorId: comment.anonymous ? null : comment.authorId,
      email: comment.anonymous ? comment.guestEmail : (comment.author?.email ?? null),
      guestName: comment.anonymous ? comment.guestName : null,
      replyTo: replyTarget(comment.body, comment.mentions, exportedIds),
    };
    postsByArticle.set(comment.articleId, [...(postsByArticle.get(comment.articleId) ?? []), post]);
  }
  const userIds = new Set(users.map((user) => user.id));
  return {
    users,
    categories,
    tags,
    facts,
    history,
    articles: articles
      .filter((article) => userIds.has(article.authorId))
      .map(({ tags: articleTags, oldSlugs, ...article }) => ({
        ...article,
        tags: articleTags.map(({ tag }) => tag),
        oldSlugs: oldSlugs.map(({ slug }) => slug),
        posts: postsByArticle.get(article.id) ?? [],
      })),
  };
}

export type SiteData = Awaited<ReturnType<typeof loadSiteData>>;
export type ExportArticle = SiteData["articles"][number];
export type ExportPost = {
  id: number;
  number: number | null;
  body: string;
  status: "PENDING" | "APPROVED" | "REJECTED" | "SPAM" | "DELETED";
  createdAt: Date;
  editedAt: Date | null;
  /** The name the post is shown under: a username, or an anonymous or imported guest's handle. */
  posterName: string;
  /** The account that wrote it, unless it was posted anonymously. */
  authorId: number | null;
  email: string | null;
  /** An imported guest's name as the old site had it. */
  guestName: string | null;
  /** The post it answers: Quire replies begin by @mentioning its poster ("@name-- ..."). */
  replyTo: number | null;
};

/** The post a reply answers: the target of the mention the post begins with. */
function replyTarget(
  body: string,
  mentions: { name: string; targetCommentId: number | null }[],
  exported: Set<number>,
): number | null {
  const leading = /^@([A-Za-z0-9_-]{2,40})/.exec(body);
  if (!leading) return null;
  const name = stripMentionSeparator(leading[1]!).toLowerCase();
  const target = mentions.find((mention) => mention.name.toLowerCase() === name)?.targetCommentId ?? null;
  return target !== null && exported.has(target) ? target : null;
}
