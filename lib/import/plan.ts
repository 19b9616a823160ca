import { z } from "zod";
import { BODY_MAX } from "@/lib/discussion/limits";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { slugify } from "@/lib/slugs";
import { sha256Hex } from "@/lib/text";
import { htmlToMarkdown } from "./html-to-markdown";
import { htmlToText } from "./html-to-text";
import type { ImportReport } from "./report";
import type { SourceArticle, SourceComment, SourceFile } from "./schema";

/*
 * Decides, from the file alone, what becomes what: which items are articles
 * (and in what state), which comments are posts, and what is skipped and why.
 * Nothing here reads the database; ./write.ts then matches the plan against
 * what the database already holds, in one transaction.
 */

export const TITLE_MAX = 200;
export const ARTICLE_BODY_MAX = 200_000;
const SUMMARY_LENGTH = 300;
const NAME_MAX = 60;

export type Term = { slug: string; name: string };

export type PlannedPost = {
  key: string;
  sourceId: string;
  parentId: string | null;
  body: string;
  status: "APPROVED" | "PENDING";
  createdAt: Date;
  guestName: string;
  guestEmail: string | null;
  /** Disqus username, for the handle when the name has no usable letters. */
  username: string | null;
  /** The login of the site's own author who wrote it (WordPress comment_user_id), if any. */
  authorLogin: string | null;
  /** Post number from a Quire export. */
  number: number | null;
  /** The handle a Quire export gave the poster. */
  handle: string | null;
};

export type PlannedArticle = {
  key: string;
  label: string;
  /** A Disqus thread holds no article of its own: its posts join an article already at that address if there is one. */
  joinsExisting: boolean;
  slugs: string[];
  title: string;
  summary: string;
  body: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  createdAt: Date;
  authorLogin: string | null;
  copyrightHolder: string;
  category: Term;
  tags: Term[];
  discussionOpen: boolean;
  nextPostNumber: number | null;
  posts: PlannedPost[];
};

export type ImportOptions = { includePages?: boolean; now?: Date };

const SKIPPED_TYPES: Record<string, string> = {
  page: "pages (Quire has articles only; run with --pages to import them as articles)",
  attachment: "attachments (media library entries; articles keep linking to the files where they are)",
  nav_menu_item: "navigation menu items",
  revision: "revisions",
};

export function planImport(file: SourceFile, report: ImportReport, { includePages = false, now = new Date() }: ImportOptions) {
  const articles: PlannedArticle[] = [];
  const source = `${file.format}:${file.site}`;
  for (const item of file.articles) {
    const label = itemLabel(item);
    const skipWhole = (why: string) => {
      report.skip(why, label);
      for (const comment of item.comments)
        if (importable(comment, file, report)) report.skip("comments on items that were not imported", label);
    };
    const isArticle = item.type === "post" || item.type === "thread" || (includePages && item.type === "page");
    if (!isArticle) {
      skipWhole(SKIPPED_TYPES[item.type] ?? `items of type "${item.type.slice(0, 40)}"`);
      continue;
    }
    const status = articleStatus(item, report, label);
    if (!status) {
      skipWhole(
        item.type === "thread"
          ? "Disqus threads whose every copy was deleted"
          : `items with status "${item.status.slice(0, 40)}"`,
      );
      continue;
    }
    const posts = planPosts(item, file, source, report, label);
    if (item.type === "thread" && posts.length === 0) {
      report.skip("Disqus threads with no comment left to import (all spam or deleted)", label);
      continue;
    }
    const planned = planArticle(item, file, source, status, now, report, label);
    if (planned) articles.push({ ...planned, posts });
    else posts.forEach(() => report.skip("comments on items that were not imported", label));
  }
  for (const orphan of file.orphanComments) {
    if (importable(orphan, file, report))
      report.skip("comments whose thread is not in the file", authorLabel(orphan) || orphan.sourceId);
  }
  if (file.emptyThreads > 0) {
    report.note(`Disqus threads without any comment: no article made for them (${file.emptyThreads.toLocaleString("en-US")})`);
  }
  return withoutRepeats(articles, report);
}

/** An id the file lists twice (a broken export) is imported once, from its first appearance. */
function withoutRepeats(articles: PlannedArticle[], report: ImportReport): PlannedArticle[] {
  const articleKeys = new Set<string>();
  const postKeys = new Set<string>();
  return articles.flatMap((article) => {
    if (articleKeys.has(article.key)) {
      report.skip("items listed twice in the file (the same id): the first was imported", article.label);
      return [];
    }
    articleKeys.add(article.key);
    const posts = article.posts.filter((post) => {
      if (!postKeys.has(post.key)) {
        postKeys.add(post.key);
        return true;
      }
      report.skip("comments listed twice in the file (the same id): the first was imported", post.guestName);
      return false;
    });
    return [{ ...article, posts }];
  });
}

function itemLabel(item: SourceArticle): string {
  return htmlToText(item.title, { newlinesAreBreaks: false }).trim() || item.slug || item.link || `#${item.sourceId}`;
}

function articleStatus(item: SourceArticle, report: ImportReport, label: string): ArticleStatus | null {
  switch (item.status) {
    case "publish":
      if (item.passwordProtected) {
        report.note("password-protected posts imported as drafts (Quire has no per-article passwords)", label);
        return "DRAFT";
      }
      return "PUBLISHED";
    case "future":
      return "SCHEDULED";
    case "draft":
    case "pending":
      report.note("drafts imported as drafts", label);
      return "DRAFT";
    case "private":
      report.note("private posts imported as drafts, not public", label);
      return "DRAFT";
    default:
      return null;
  }
}

function planArticle(
  item: SourceArticle,
  file: SourceFile,
  source: string,
  status: ArticleStatus,
  now: Date,
  report: ImportReport,
  label: string,
): Omit<PlannedArticle, "posts"> | null {
  const wordpress = file.format === "wxr";
  const title = htmlToText(item.title, { newlinesAreBreaks: false }).replace(/\s+/g, " ").trim() || "Untitled";
  if (title.length > TITLE_MAX) {
    report.skip(`articles with a title longer than ${TITLE_MAX} characters`, label);
    return null;
  }
  const body =
    item.markdown ??
    (item.type === "thread" ? threadStubBody(item.link) : htmlToMarkdown(item.html, { newlinesAreBreaks: wordpress }));
  if (body.length > ARTICLE_BODY_MAX) {
    report.skip(`articles longer than ${ARTICLE_BODY_MAX.toLocaleString("en-US")} characters`, label);
    return null;
  }
  const date = item.publishedAt ?? item.localDate;
  if (status === "SCHEDULED" && !date) report.note("scheduled posts without a date imported as drafts", label);
  const finalStatus = status === "SCHEDULED" && !date ? "DRAFT" : status;
  const categories = item.categories.map(term).filter((t): t is Term => t !== null);
  const tags = [...item.tags.map(term), ...categories.slice(1)].filter((t): t is Term => t !== null);
  if (categories.length > 1)
    report.note("articles in several categories: the first is the article's category, the others became tags", label);
  return {
    key: `${source}#${item.type === "thread" ? "thread" : "post"}-${item.sourceId}`,
    label,
    joinsExisting: item.type === "thread",
    slugs: slugCandidates(item, title),
    title,
    summary: summaryOf(item, title),
    body,
    status: finalStatus,
    publishedAt: finalStatus === "DRAFT" ? null : (date ?? now),
    createdAt: date ?? now,
    authorLogin: item.authorLogin,
    copyrightHolder: file.siteTitle.replace(/\s+/g, " ").trim().slice(0, 200) || "Imported",
    category: categories[0] ?? { slug: "uncategorized", name: "Uncategorized" },
    tags: uniqueBySlug(tags),
    discussionOpen: item.discussionOpen,
    nextPostNumber: item.nextPostNumber,
  };
}

function threadStubBody(link: string | null): string {
  const address = link && /^https?:\/\//i.test(link) ? ` It was at <${link.replace(/[<>\s]/g, encodeURIComponent)}>.` : "";
  return `This discussion was imported from Disqus; the article's text was not part of the export.${address}`;
}

/** The excerpt if the post has one, else the start of its text, cut at a word. */
function summaryOf(item: SourceArticle, title: string): string {
  const excerpt = htmlToText(item.excerpt, { newlinesAreBreaks: false }).trim();
  if (excerpt) return excerpt.length <= 500 ? excerpt : cut(excerpt, SUMMARY_LENGTH);
  const text = htmlToText(item.html, { newlinesAreBreaks: true }).replace(/\s+/g, " ").trim();
  return text ? cut(text, SUMMARY_LENGTH) : title;
}

function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const shortened = text.slice(0, length);
  const atWord = shortened.slice(0, Math.max(shortened.lastIndexOf(" "), length * 0.6));
  return `${atWord.trimEnd()}…`;
}

/** WordPress percent-encodes non-ASCII slugs, some exports twice. */
function decodeSlug(slug: string): string {
  let text = slug;
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text;
}

function slugCandidates(item: SourceArticle, title: string): string[] {
  const fallback = item.type === "thread" ? "discussion" : item.type === "page" ? "page" : "post";
  const candidates = [slugify(decodeSlug(item.slug)), slugify(title), slugify(`${fallback}-${item.sourceId}`) || fallback];
  return [...new Set(candidates.filter(Boolean))];
}

function term(source: { nicename: string | null; name: string }): Term | null {
  const name = htmlToText(source.name, { newlinesAreBreaks: false }).replace(/\s+/g, " ").trim().slice(0, NAME_MAX);
  const nicename = source.nicename ? decodeSlug(source.nicename) : "";
  const slug = slugify(nicename) || slugify(name) || (nicename || name ? `term-${sha256Hex(nicename || name).slice(0, 8)}` : "");
  return slug ? { slug, name: name || slug } : null;
}

function uniqueBySlug(terms: Term[]): Term[] {
  return [...new Map(terms.map((t) => [t.slug, t])).values()];
}

const emailSchema = z.email().max(254);

/** An address that looks like one (as the sign-up form checks it), or null. */
export function validEmail(email: string | null): string | null {
  return email && emailSchema.safeParse(email).success ? email : null;
}

/** A comment's author as the old site showed it (WordPress stores names HTML-escaped). */
function authorLabel(comment: SourceComment): string {
  return htmlToText(comment.authorName, { newlinesAreBreaks: false }).slice(0, 200);
}

function importable(comment: SourceComment, file: SourceFile, report: ImportReport): boolean {
  if (comment.type === "pingback" || comment.type === "trackback") {
    report.skip("pingbacks and trackbacks (Quire has none)", authorLabel(comment));
    return false;
  }
  if (comment.type !== "comment") {
    report.skip(`comments of type "${comment.type.slice(0, 40)}"`, authorLabel(comment));
    return false;
  }
  if (comment.state === "spam") {
    report.skip("spam", authorLabel(comment));
    return false;
  }
  if (comment.state === "trash") {
    report.skip(file.format === "disqus" ? "deleted comments" : "comments in the trash", authorLabel(comment));
    return false;
  }
  return true;
}

function planPosts(item: SourceArticle, file: SourceFile, source: string, report: ImportReport, label: string): PlannedPost[] {
  const posts: PlannedPost[] = [];
  for (const comment of item.comments) {
    if (!importable(comment, file, report)) continue;
    const body = htmlToText(comment.html, { newlinesAreBreaks: file.format === "wxr" });
    if (!body) {
      report.skip("empty comments", authorLabel(comment) || label);
      continue;
    }
    if (body.length > BODY_MAX) {
      report.skip(`comments longer than Quire's ${BODY_MAX.toLocaleString("en-US")} characters`, authorLabel(comment) || label);
      continue;
    }
    const email = validEmail(comment.authorEmail);
    // A comment by one of the site's own users (comment_user_id) goes under their account: found by id,
    // or by email where the export leaves the authors' ids out (WordPress.com does).
    const author = comment.userId
      ? (file.people.find((person) => person.userId !== null && person.userId === comment.userId) ??
        file.people.find((person) => person.userId === null && !!email && person.email?.toLowerCase() === email.toLowerCase()))
      : undefined;
    posts.push({
      key: `${source}#comment-${comment.sourceId}`,
      sourceId: comment.sourceId,
      parentId: comment.parentId,
      body,
      status: comment.state === "approved" ? "APPROVED" : "PENDING",
      createdAt: comment.createdAt ?? comment.localDate ?? item.publishedAt ?? item.localDate ?? new Date(0),
      guestName: authorLabel(comment) || "Anonymous",
      guestEmail: email,
      username: comment.username,
      authorLogin: author?.login ?? null,
      number: comment.number,
      handle: comment.handle,
    });
  }
  // Numbered by date, as the old site showed them; ties in the order of the file.
  return posts
    .map((post, index) => ({ post, index }))
    .sort((a, b) => a.post.createdAt.getTime() - b.post.createdAt.getTime() || a.index - b.index)
    .map(({ post }) => post);
}
