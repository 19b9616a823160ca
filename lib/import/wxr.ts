import { ImportRefused } from "./errors";
import type { RawSourceFile } from "./schema";
import { childOf, childrenOf, textOf, type XmlElement } from "./xml-tree";

/*
 * WordPress eXtended RSS, versions 1.0 to 1.2, as WordPress writes it: an RSS
 * channel whose wp: elements (namespace http://wordpress.org/export/1.x/, or
 * https:// in some exports, such as WordPress.com's) hold the authors, terms,
 * and per item the post and its comments. Elements are matched by namespace
 * URI, never by prefix.
 */

const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/([^/]+)\/$/;
const EXCERPT_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/[^/]+\/excerpt\/$/;
const CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
const DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";

const wp = (uri: string) => WP_NAMESPACE.test(uri);
const rss = (uri: string) => uri === "";

/** Whether a parsed document is a WXR file: an <rss> whose channel has WordPress elements. */
export function isWxr(root: XmlElement): boolean {
  if (root.local !== "rss" || root.uri !== "") return false;
  const channel = childOf(root, "channel", rss);
  return !!channel && channel.children.some((child) => wp(child.uri));
}

/** Quire's own fields, written by its export (lib/export/wxr.ts) and read back here. */
export const QUIRE_META = {
  markdown: "_quire_markdown",
  nextPostNumber: "_quire_next_post_number",
  postNumber: "_quire_number",
  /** The name a post was shown under (a handle or username). */
  posterName: "_quire_poster",
} as const;

export function readWxr(root: XmlElement): RawSourceFile {
  const channel = childOf(root, "channel", rss)!;
  const namespaceVersion = channel.children.map((child) => WP_NAMESPACE.exec(child.uri)?.[1]).find(Boolean);
  const version = textOf(channel, "wxr_version", wp)?.trim() || namespaceVersion || "";
  if (!/^1\.[0-2]$/.test(version)) {
    throw new ImportRefused(`This WordPress export is WXR version "${version.slice(0, 20)}"; Quire reads versions 1.0 to 1.2.`);
  }
  const site = (
    textOf(channel, "base_site_url", wp) ||
    textOf(channel, "link", rss) ||
    textOf(channel, "title", rss) ||
    ""
  ).trim();
  return {
    format: "wxr",
    formatName: `WordPress (WXR ${version})`,
    site,
    siteTitle: textOf(channel, "title", rss) ?? "",
    people: childrenOf(channel, "author", wp).map((author) => {
      const first = textOf(author, "author_first_name", wp)?.trim() ?? "";
      const last = textOf(author, "author_last_name", wp)?.trim() ?? "";
      const login = textOf(author, "author_login", wp)?.trim() ?? "";
      return {
        login,
        userId: textOf(author, "author_id", wp)?.trim() || null,
        email: textOf(author, "author_email", wp)?.trim() || null,
        displayName: textOf(author, "author_display_name", wp)?.trim() || `${first} ${last}`.trim() || login,
      };
    }),
    articles: childrenOf(channel, "item", rss).map(readItem),
    items: childrenOf(channel, "item", rss).length,
    orphanComments: [],
    emptyThreads: 0,
  };
}

function readItem(item: XmlElement): RawSourceFile["articles"][number] {
  const meta = metaOf(item, "postmeta");
  const terms = childrenOf(item, "category", rss);
  // WXR 1.0 lists each category twice, once as bare RSS and once with its domain; a
  // bare <category> counts only where the item has no domain-qualified ones.
  const qualified = terms.some((term) => term.attributes.has("domain"));
  const termsIn = (domains: string[]) =>
    terms
      .filter((term) => (qualified ? domains.includes(term.attributes.get("domain") ?? "") : domains.includes("category")))
      .map((term) => ({ nicename: term.attributes.get("nicename") ?? null, name: term.text.trim() }));
  return {
    sourceId: textOf(item, "post_id", wp)?.trim() ?? "",
    type: textOf(item, "post_type", wp)?.trim() || "post",
    status: textOf(item, "status", wp)?.trim() || "publish",
    title: textOf(item, "title", rss) ?? "",
    slug: textOf(item, "post_name", wp)?.trim() ?? "",
    link: textOf(item, "link", rss)?.trim() || null,
    publishedAt: textOf(item, "post_date_gmt", wp),
    localDate: textOf(item, "post_date", wp),
    authorLogin: textOf(item, "creator", (uri) => uri === DC_NAMESPACE)?.trim() || null,
    html: textOf(item, "encoded", (uri) => uri === CONTENT_NAMESPACE) ?? "",
    excerpt: textOf(item, "encoded", (uri) => EXCERPT_NAMESPACE.test(uri)) ?? "",
    markdown: meta.get(QUIRE_META.markdown) ?? null,
    passwordProtected: (textOf(item, "post_password", wp) ?? "") !== "",
    discussionOpen: (textOf(item, "comment_status", wp)?.trim() || "open") === "open",
    categories: termsIn(["category"]),
    tags: termsIn(["post_tag", "tag"]),
    comments: childrenOf(item, "comment", wp).map(readComment),
    nextPostNumber: meta.get(QUIRE_META.nextPostNumber) ?? null,
  };
}

const APPROVAL: Record<string, string> = {
  "1": "approved",
  "0": "pending",
  spam: "spam",
  trash: "trash",
  "post-trashed": "trash",
};

function readComment(comment: XmlElement): RawSourceFile["articles"][number]["comments"][number] {
  const approved = textOf(comment, "comment_approved", wp)?.trim() ?? "1";
  const meta = metaOf(comment, "commentmeta");
  return {
    sourceId: textOf(comment, "comment_id", wp)?.trim() ?? "",
    parentId: textOf(comment, "comment_parent", wp)?.trim() ?? null,
    authorName: textOf(comment, "comment_author", wp)?.trim() ?? "",
    authorEmail: textOf(comment, "comment_author_email", wp)?.trim() || null,
    username: null,
    userId: textOf(comment, "comment_user_id", wp)?.trim() ?? null,
    html: textOf(comment, "comment_content", wp) ?? "",
    createdAt: textOf(comment, "comment_date_gmt", wp),
    localDate: textOf(comment, "comment_date", wp),
    state: (APPROVAL[approved] ?? approved) as "approved",
    type: textOf(comment, "comment_type", wp)?.trim() || "comment",
    number: meta.get(QUIRE_META.postNumber) ?? null,
    handle: meta.get(QUIRE_META.posterName) ?? null,
  };
}

/** wp:postmeta / wp:commentmeta as key → value (the first of each key). */
function metaOf(parent: XmlElement, element: "postmeta" | "commentmeta"): Map<string, string> {
  const meta = new Map<string, string>();
  for (const entry of childrenOf(parent, element, wp)) {
    const key = textOf(entry, "meta_key", wp)?.trim();
    if (key && !meta.has(key)) meta.set(key, textOf(entry, "meta_value", wp) ?? "");
  }
  return meta;
}
