import { z } from "zod";
import { ImportRefused } from "./errors";
import { XML_LIMITS } from "./xml-tree";

/*
 * What an export holds, once read out of its XML: one shape for WordPress and
 * Disqus alike. The readers (./wxr.ts, ./disqus.ts) copy strings out of the
 * tree; these schemas check and convert them (dates, numbers, states), so a
 * record that is not what the format promises refuses the whole file before
 * anything is written.
 */

const field = (max: number = XML_LIMITS.fieldBytes) => z.string().max(max);
const optionalField = (max?: number) => field(max).nullable();
const id = z.string().trim().min(1, "is missing").max(200);

/** "2010-01-01 12:00:00" (WordPress, UTC or local) or ISO 8601 (Disqus); WordPress writes "0000-00-00 00:00:00" for none. */
const sourceDate = z
  .string()
  .trim()
  .nullable()
  .transform((text, ctx): Date | null => {
    if (text === null || text === "" || /^0000-00-00/.test(text)) return null;
    const wordpress = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
    const date = wordpress
      ? new Date(Date.UTC(+wordpress[1]!, +wordpress[2]! - 1, +wordpress[3]!, +wordpress[4]!, +wordpress[5]!, +wordpress[6]!))
      : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(text)
        ? new Date(text)
        : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      ctx.issues.push({ code: "custom", message: `"${text.slice(0, 40)}" is not a date`, input: text });
      return z.NEVER;
    }
    return date;
  });

const positiveNumber = z
  .string()
  .trim()
  .nullable()
  .transform((text, ctx): number | null => {
    if (text === null || text === "") return null;
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
      ctx.issues.push({ code: "custom", message: `"${text.slice(0, 20)}" is not a positive whole number`, input: text });
      return z.NEVER;
    }
    return Number(text);
  });

export const sourcePersonSchema = z.object({
  /** How items name their author: the WordPress login, or Disqus's username or name. */
  login: id,
  /** WordPress's numeric user id, which comments by the site's own authors carry. */
  userId: optionalField(40),
  email: optionalField(320),
  displayName: field(500),
});

export const COMMENT_STATES = ["approved", "pending", "spam", "trash"] as const;

export const sourceCommentSchema = z.object({
  /** The comment's id in its file: wp:comment_id, dsq:id. */
  sourceId: id,
  /** The id of the comment it answers, or null. */
  parentId: optionalField(200).transform((parent) => (parent === null || parent === "" || parent === "0" ? null : parent)),
  authorName: field(500),
  authorEmail: optionalField(320),
  /** A Disqus username, used for a handle when the name has no letters a handle can use. */
  username: optionalField(200),
  /** wp:comment_user_id: a comment written by one of the site's own authors. */
  userId: optionalField(40).transform((user) => (user === null || user === "" || user === "0" ? null : user)),
  html: field(),
  createdAt: sourceDate,
  /** WordPress's local-time date, used when the UTC one is missing. */
  localDate: sourceDate,
  state: z.enum(COMMENT_STATES, { error: "is not approved, pending, spam or trash" }),
  /** "comment", or "pingback" / "trackback" (never imported), or another plugin's type. */
  type: field(100),
  /** A Quire export's own post number, kept on the way back in. */
  number: positiveNumber,
  /** A Quire export's name for the poster (handle or username), kept on the way back in. */
  handle: optionalField(200),
});

export const sourceTermSchema = z.object({ nicename: optionalField(400), name: field(400) });

export const sourceArticleSchema = z.object({
  sourceId: id,
  /** wp:post_type: post, page, attachment, nav_menu_item...; "thread" for Disqus. */
  type: field(100),
  /** wp:status: publish, draft, future, private, pending, trash...; Disqus threads are "publish". */
  status: field(100),
  title: field(),
  /** wp:post_name as written (percent-encoded for non-ASCII), or the last part of a Disqus thread's address. */
  slug: field(2000),
  link: optionalField(2000),
  publishedAt: sourceDate,
  /** The local-time date, used when the UTC one is missing (WordPress drafts). */
  localDate: sourceDate,
  authorLogin: optionalField(200),
  html: field(),
  excerpt: field(),
  /** A Quire export's own Markdown text, kept on the way back in. */
  markdown: optionalField(),
  passwordProtected: z.boolean(),
  discussionOpen: z.boolean(),
  categories: z.array(sourceTermSchema).max(1000),
  tags: z.array(sourceTermSchema).max(1000),
  comments: z.array(sourceCommentSchema),
  /** A Quire export's next post number for the article, so numbers stay never-reused. */
  nextPostNumber: positiveNumber,
});

export const sourceFileSchema = z.object({
  format: z.enum(["wxr", "disqus"]),
  /** "WXR 1.2", "Disqus". */
  formatName: z.string(),
  /** Identifies the site in import keys: the WordPress base URL, the Disqus forum. */
  site: id,
  siteTitle: field(500),
  people: z.array(sourcePersonSchema),
  articles: z.array(sourceArticleSchema),
  /** Disqus posts whose thread is not in the file. */
  orphanComments: z.array(sourceCommentSchema),
  /** How many <item>s or <thread>s the file holds, for the report. */
  items: z.number().int().min(0),
  /** Disqus threads that hold no post: no article is made for them. */
  emptyThreads: z.number().int().min(0),
});

export type SourcePerson = z.output<typeof sourcePersonSchema>;
export type SourceComment = z.output<typeof sourceCommentSchema>;
export type SourceTerm = z.output<typeof sourceTermSchema>;
export type SourceArticle = z.output<typeof sourceArticleSchema>;
export type SourceFile = z.output<typeof sourceFileSchema>;
export type RawSourceFile = z.input<typeof sourceFileSchema>;

const MAX_LISTED_PROBLEMS = 10;

/**
 * Checks what a reader copied out of the file; refuses the whole file, naming
 * up to ten problems by item (and its title) and field, when anything is off.
 */
export function checkSourceFile(raw: RawSourceFile): SourceFile {
  const result = sourceFileSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((issue) => `- ${describePath(raw, issue.path)}: ${issue.message}`);
  const more = result.error.issues.length - problems.length;
  throw new ImportRefused(
    [
      `The file is not a ${raw.formatName} export Quire can read. Nothing was imported.`,
      ...problems,
      ...(more > 0 ? [`- and ${more} more problem${more === 1 ? "" : "s"}`] : []),
    ].join("\n"),
  );
}

function describePath(raw: RawSourceFile, path: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key as string];
    if (typeof key === "number" && path[i - 1] === "articles") {
      const item = next as { sourceId?: string; title?: string } | undefined;
      parts.push(
        `${raw.format === "wxr" ? "item" : "thread"} ${item?.sourceId || key + 1}${item?.title ? ` ("${item.title.slice(0, 60)}")` : ""}`,
      );
    } else if (typeof key === "number" && (path[i - 1] === "comments" || path[i - 1] === "orphanComments")) {
      parts.push(`comment ${(next as { sourceId?: string } | undefined)?.sourceId || key + 1}`);
    } else if (typeof key === "number") {
      parts.push(`${String(path[i - 1])} ${key + 1}`);
    } else if (
      !["articles", "comments", "orphanComments", "people", "categories", "tags"].includes(String(key)) ||
      i === path.length - 1
    ) {
      parts.push(String(key));
    }
    node = next;
  }
  return parts.join(", ") || "the file";
}
