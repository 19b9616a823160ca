import "server-only";
import { SITE_NAME } from "@/lib/config";
import { toSiteWallClock } from "@/lib/calendar";
import { renderMarkdown } from "@/lib/markdown";
import { escapeHtml } from "@/lib/text";
import { QUIRE_META } from "@/lib/import/wxr";
import type { ExportArticle, ExportPost, SiteData } from "./site-data";

/*
 * The site as WordPress eXtended RSS 1.2, the file WordPress's importer
 * (Tools → Import → WordPress) reads: authors, categories, tags, and per
 * article its rendered HTML and its posts as comments, replies pointing at
 * their parent. Quire's own Markdown, post numbers and next number travel
 * along as meta fields, so that Quire's importer gets back exactly what it
 * exported; WordPress keeps them as hidden custom fields. Articles in the
 * back office's bin are left out.
 */

const STATUS = { PUBLISHED: "publish", DRAFT: "draft", SCHEDULED: "future" } as const;
const APPROVAL = { APPROVED: "1", PENDING: "0", SPAM: "spam", REJECTED: "trash", DELETED: "trash" } as const;

export function toWxr(data: SiteData, site: string, now = new Date()): string {
  const base = site.replace(/\/+$/, "");
  const articles = data.articles.filter((article) => article.deletedAt === null);
  const authorIds = new Set(
    articles.flatMap((article) => [article.authorId, ...(article.editorId === null ? [] : [article.editorId])]),
  );
  const authors = data.users.filter((user) => authorIds.has(user.id));
  const loginOf = new Map(authors.map((user) => [user.id, user.username]));
  const usedCategories = new Set(articles.map((article) => article.category.slug));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<!-- generator="${SITE_NAME}" created="${wpDate(now)}" -->`,
    '<rss version="2.0"',
    '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    '\txmlns:content="http://purl.org/rss/1.0/modules/content/"',
    '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"',
    '\txmlns:wp="http://wordpress.org/export/1.2/"',
    ">",
    "<channel>",
    element("title", SITE_NAME, 1),
    element("link", `${base}/`, 1),
    element("description", "", 1),
    element("pubDate", now.toUTCString(), 1),
    element("language", "en", 1),
    element("wp:wxr_version", "1.2", 1),
    element("wp:base_site_url", `${base}/`, 1),
    element("wp:base_blog_url", `${base}/`, 1),
  ];
  for (const user of authors) {
    out.push(
      "\t<wp:author>",
      element("wp:author_id", String(user.id), 2),
      cdata("wp:author_login", user.username, 2),
      cdata("wp:author_email", user.email, 2),
      cdata("wp:author_display_name", user.displayName ?? user.username, 2),
      cdata("wp:author_first_name", "", 2),
      cdata("wp:author_last_name", "", 2),
      "\t</wp:author>",
    );
  }
  data.categories
    .filter((category) => usedCategories.has(category.slug))
    .forEach((category, index) => {
      out.push(
        "\t<wp:category>",
        element("wp:term_id", String(index + 1), 2),
        element("wp:category_nicename", category.slug, 2),
        element("wp:category_parent", "", 2),
        cdata("wp:cat_name", category.name, 2),
        cdata("wp:category_description", category.description, 2),
        "\t</wp:category>",
      );
    });
  data.tags.forEach((tag, index) => {
    out.push(
      "\t<wp:tag>",
      element("wp:term_id", String(data.categories.length + index + 1), 2),
      element("wp:tag_slug", tag.slug, 2),
      cdata("wp:tag_name", tag.name, 2),
      "\t</wp:tag>",
    );
  });
  out.push(element("generator", SITE_NAME, 1));
  for (const article of articles) out.push(...item(article, base, loginOf, authorIds));
  out.push("</channel>", "</rss>", "");
  return out.join("\n");
}

function item(article: ExportArticle, base: string, loginOf: Map<number, string>, authorIds: Set<number>): string[] {
  const date = article.publishedAt ?? article.createdAt;
  return [
    "\t<item>",
    element("title", escapeHtml(article.title), 2),
    element("link", `${base}/articles/${article.slug}`, 2),
    element("pubDate", date.toUTCString(), 2),
    cdata("dc:creator", loginOf.get(article.authorId) ?? "", 2),
    `\t\t<guid isPermaLink="false">${xmlText(`${base}/a/${article.id}`)}</guid>`,
    element("description", "", 2),
    cdata("content:encoded", absoluteUrls(renderMarkdown(article.body), base), 2),
    cdata("excerpt:encoded", escapeHtml(article.summary), 2),
    element("wp:post_id", String(article.id), 2),
    element("wp:post_date", wpDate(date, true), 2),
    element("wp:post_date_gmt", article.status === "DRAFT" ? "0000-00-00 00:00:00" : wpDate(date), 2),
    element("wp:post_modified", wpDate(article.updatedAt, true), 2),
    element("wp:post_modified_gmt", wpDate(article.updatedAt), 2),
    element("wp:comment_status", article.discussionOpen ? "open" : "closed", 2),
    element("wp:ping_status", "closed", 2),
    element("wp:post_name", article.slug, 2),
    element("wp:status", STATUS[article.status], 2),
    element("wp:post_parent", "0", 2),
    element("wp:menu_order", "0", 2),
    element("wp:post_type", "post", 2),
    element("wp:post_password", "", 2),
    element("wp:is_sticky", "0", 2),
    `\t\t<category domain="category" nicename="${xmlText(article.category.slug)}">${cdataText(article.category.name)}</category>`,
    ...article.tags.map(
      (tag) => `\t\t<category domain="post_tag" nicename="${xmlText(tag.slug)}">${cdataText(tag.name)}</category>`,
    ),
    meta("postmeta", QUIRE_META.markdown, article.body),
    meta("postmeta", QUIRE_META.nextPostNumber, String(article.nextPostNumber)),
    ...article.posts.flatMap((post) => comment(post, authorIds)),
    "\t</item>",
  ];
}

function comment(post: ExportPost, authorIds: Set<number>): string[] {
  return [
    "\t\t<wp:comment>",
    element("wp:comment_id", String(post.id), 3),
    cdata("wp:comment_author", post.guestName ?? post.posterName, 3),
    cdata("wp:comment_author_email", post.email ?? "", 3),
    cdata("wp:comment_author_url", "", 3),
    element("wp:comment_author_IP", "", 3),
    element("wp:comment_date", wpDate(post.createdAt, true), 3),
    element("wp:comment_date_gmt", wpDate(post.createdAt), 3),
    // Posts are plain text; WordPress reads comment content as HTML with its line breaks kept.
    cdata("wp:comment_content", escapeHtml(post.body), 3),
    element("wp:comment_approved", APPROVAL[post.status], 3),
    element("wp:comment_type", "comment", 3),
    element("wp:comment_parent", String(post.replyTo ?? 0), 3),
    element("wp:comment_user_id", String(post.authorId !== null && authorIds.has(post.authorId) ? post.authorId : 0), 3),
    meta("commentmeta", QUIRE_META.posterName, post.posterName, 3),
    ...(post.number === null ? [] : [meta("commentmeta", QUIRE_META.postNumber, String(post.number), 3)]),
    "\t\t</wp:comment>",
  ];
}

/** "2026-12-03 14:05:09", in UTC or (for WordPress's local-time fields) the site's time zone. */
function wpDate(date: Date, local = false): string {
  if (local) return `${toSiteWallClock(date).replace("T", " ")}:${String(date.getUTCSeconds()).padStart(2, "0")}`;
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** Pictures and links to Quire's own pages, made absolute so that they still work from another site. */
function absoluteUrls(html: string, base: string): string {
  return html.replace(/(\s(?:src|href|srcset)=")\/(?!\/)/g, `$1${base}/`).replace(/(,\s*)\/(media\/)/g, `$1${base}/$2`);
}

function meta(kind: "postmeta" | "commentmeta", key: string, value: string, depth = 2): string {
  const tabs = "\t".repeat(depth);
  return `${tabs}<wp:${kind}>\n${tabs}\t<wp:meta_key>${xmlText(key)}</wp:meta_key>\n${tabs}\t<wp:meta_value>${cdataText(value)}</wp:meta_value>\n${tabs}</wp:${kind}>`;
}

function element(name: string, text: string, depth: number): string {
  return `${"\t".repeat(depth)}<${name}>${xmlText(text)}</${name}>`;
}

function cdata(name: string, text: string, depth: number): string {
  return `${"\t".repeat(depth)}<${name}>${cdataText(text)}</${name}>`;
}

// Characters XML 1.0 cannot hold at all, not even escaped: C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** CDATA cannot hold "]]>": it is split across two sections, as WordPress's own exporter does. */
function cdataText(text: string): string {
  return `<![CDATA[${text.replace(NOT_XML, "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
