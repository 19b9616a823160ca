import { ImportRefused } from "./errors";
import type { RawSourceFile } from "./schema";
import { childOf, childrenOf, textOf, type XmlElement } from "./xml-tree";

/*
 * A Disqus export: <disqus xmlns="http://disqus.com"> holding categories,
 * threads (one per page that had the comment box: address, title, no text)
 * and posts (each naming its thread and, for a reply, its parent by dsq:id).
 * Disqus makes a thread per address it was loaded from, so one article often
 * has several (http and https, a Google cache copy, localhost while writing):
 * threads are grouped by the address's path, and each group becomes one article.
 */

const DISQUS_NAMESPACE = "http://disqus.com";
const dsq = (uri: string) => uri === DISQUS_NAMESPACE;
const DSQ_ID = "dsq:id";

type RawArticle = RawSourceFile["articles"][number];
type RawComment = RawArticle["comments"][number];

export function isDisqus(root: XmlElement): boolean {
  return root.local === "disqus" && root.uri === DISQUS_NAMESPACE;
}

export function readDisqus(root: XmlElement): RawSourceFile {
  const categories = new Map(
    childrenOf(root, "category", dsq).map((c) => [c.attributes.get(DSQ_ID) ?? "", textOf(c, "title", dsq)?.trim() ?? ""]),
  );
  const threads = childrenOf(root, "thread", dsq);
  const forum =
    threads.map((thread) => textOf(thread, "forum", dsq)?.trim()).find(Boolean) ??
    childrenOf(root, "category", dsq)
      .map((category) => textOf(category, "forum", dsq)?.trim())
      .find(Boolean) ??
    "";

  const postsByThread = new Map<string, RawComment[]>();
  const orphanComments: RawComment[] = [];
  const threadIds = new Set(threads.map((thread) => thread.attributes.get(DSQ_ID)));
  for (const post of childrenOf(root, "post", dsq)) {
    const threadId = childOf(post, "thread", dsq)?.attributes.get(DSQ_ID) ?? "";
    const comment = readPost(post);
    if (!threadIds.has(threadId)) orphanComments.push(comment);
    else postsByThread.set(threadId, [...(postsByThread.get(threadId) ?? []), comment]);
  }

  const groups = new Map<string, XmlElement[]>();
  let emptyThreads = 0;
  for (const thread of threads) {
    if (!postsByThread.has(thread.attributes.get(DSQ_ID) ?? "")) {
      emptyThreads++;
      continue;
    }
    const key = threadGroupKey(thread);
    groups.set(key, [...(groups.get(key) ?? []), thread]);
  }

  return {
    format: "disqus",
    formatName: "Disqus",
    site: forum,
    siteTitle: forum,
    people: threads.flatMap((thread) => {
      const author = childOf(thread, "author", dsq);
      if (!author) return [];
      const name = textOf(author, "name", dsq)?.trim() ?? "";
      const login = textOf(author, "username", dsq)?.trim() || name;
      return login
        ? [{ login, userId: null, email: textOf(author, "email", dsq)?.trim() || null, displayName: name || login }]
        : [];
    }),
    articles: [...groups].map(([key, group]) => readThreadGroup(key, group, categories, postsByThread)),
    items: threads.length,
    orphanComments,
    emptyThreads,
  };
}

/** Threads at the same path (and query) are one article, whatever the scheme and host. */
function threadGroupKey(thread: XmlElement): string {
  const link = textOf(thread, "link", dsq)?.trim() ?? "";
  if (!link) return `thread-${thread.attributes.get(DSQ_ID) ?? ""}`;
  try {
    const url = new URL(link);
    const path = url.pathname.replace(/\/index\.html?$/i, "").replace(/\/+$/, "");
    return `${path || "/"}${url.search}`;
  } catch {
    return link;
  }
}

function readThreadGroup(
  key: string,
  group: XmlElement[],
  categories: Map<string, string>,
  postsByThread: Map<string, RawComment[]>,
): RawArticle {
  const sorted = [...group].sort((a, b) => (textOf(a, "createdAt", dsq) ?? "").localeCompare(textOf(b, "createdAt", dsq) ?? ""));
  const first = sorted[0]!;
  const author = childOf(first, "author", dsq);
  const category = categories.get(childOf(first, "category", dsq)?.attributes.get(DSQ_ID) ?? "");
  return {
    sourceId: key,
    type: "thread",
    status: sorted.every((thread) => flag(thread, "isDeleted")) ? "trash" : "publish",
    title: sorted.map((thread) => textOf(thread, "title", dsq)?.trim()).find(Boolean) ?? "",
    slug: key.startsWith("thread-") ? "" : (key.split("?")[0]!.split("/").at(-1) ?? ""),
    link: sorted.map((thread) => textOf(thread, "link", dsq)?.trim()).find(Boolean) ?? null,
    publishedAt: textOf(first, "createdAt", dsq),
    localDate: null,
    authorLogin: (author && (textOf(author, "username", dsq)?.trim() || textOf(author, "name", dsq)?.trim())) || null,
    html: "",
    excerpt: "",
    markdown: null,
    passwordProtected: false,
    discussionOpen: !sorted.every((thread) => flag(thread, "isClosed")),
    categories: category ? [{ nicename: null, name: category }] : [],
    tags: [],
    comments: sorted.flatMap((thread) => postsByThread.get(thread.attributes.get(DSQ_ID) ?? "") ?? []),
    nextPostNumber: null,
  };
}

function readPost(post: XmlElement): RawComment {
  const author = childOf(post, "author", dsq);
  const state = flag(post, "isSpam")
    ? "spam"
    : flag(post, "isDeleted")
      ? "trash"
      : flag(post, "isApproved", true)
        ? "approved"
        : "pending";
  return {
    sourceId: post.attributes.get(DSQ_ID) ?? "",
    parentId: childOf(post, "parent", dsq)?.attributes.get(DSQ_ID) ?? null,
    authorName: (author && textOf(author, "name", dsq)?.trim()) ?? "",
    authorEmail: (author && textOf(author, "email", dsq)?.trim()) || null,
    username: (author && textOf(author, "username", dsq)?.trim()) || null,
    userId: null,
    html: textOf(post, "message", dsq) ?? "",
    createdAt: textOf(post, "createdAt", dsq),
    localDate: null,
    state,
    type: "comment",
    number: null,
    handle: null,
  };
}

/** A Disqus true/false element; anything else refuses the file, since its meaning (spam? deleted?) would be a guess. */
function flag(parent: XmlElement, name: string, absent = false): boolean {
  const element = childOf(parent, name, dsq);
  if (!element) return absent;
  const value = element.text.trim();
  if (value === "true") return true;
  if (value === "false") return false;
  throw new ImportRefused(
    `The file is not a Disqus export Quire can read: <${name}> on line ${element.line} says "${value.slice(0, 20)}", not true or false. Nothing was imported.`,
  );
}
