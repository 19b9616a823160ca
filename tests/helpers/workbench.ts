import crypto from "node:crypto";
import sharp from "sharp";
import { inject } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sessionCookie } from "../e2e/moderation-helpers";
import { createPendingComment, createUser, uniqueName } from "./factories";
import { createApprovedPost } from "./posts";

/** Everyone the authorization rules tell apart. */
export const ROLES = ["guest", "reader", "moderator", "editor", "admin"] as const;
export type TestRole = (typeof ROLES)[number];

export function cookieOf(role: TestRole): Promise<string | undefined> {
  return role === "guest" ? Promise.resolve(undefined) : sessionCookie(role);
}

/**
 * A request as `role`, from this site as its own pages' script sends it:
 * JSON when there is a body, with the same-origin Origin header.
 */
export async function request(
  role: TestRole,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const baseURL = inject("baseURL");
  const cookie = await cookieOf(role);
  return fetch(`${baseURL}${path}`, {
    method,
    redirect: "manual",
    headers: {
      origin: baseURL,
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The same, for arranging: anything but a 2xx is a broken test setup. */
export async function call<T>(role: TestRole, method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(role, method, path, { body });
  if (!response.ok) throw new Error(`${method} ${path} as ${role}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const token = () => crypto.randomBytes(4).toString("hex");

/** The rows every test of the endpoint table acts on, made once per file. */
export type Fixtures = {
  editorId: number;
  readerId: number;
  category: { id: number; slug: string };
  tag: { id: number };
  fact: { id: number; slug: string };
  event: { id: number };
  /** An unpublished article with two revisions. */
  draft: { id: number; revision: number };
  /** A published article with its discussion open, where the posts below live. */
  thread: { id: number; slug: string; title: string };
  /** A visible post by a guest, for reports. */
  visiblePost: { id: number };
  /** A waiting post by the demo reader, still in its edit window: for owner-only requests. */
  readerPost: { id: number };
  /** A reader account, for the user administration and bans. */
  member: { id: number; username: string; unsubscribeKey: string };
  /** A small real picture, base64, as the image upload takes it. */
  picture: string;
};

type Article = { id: number; slug: string; revision: number; title: string };

/**
 * Makes what the endpoint table's requests act on, through the admin API
 * where a public page could show it (so the response cache hears of it), or
 * straight into the database where nothing public does (posts waiting for
 * moderation, accounts); remembers all of it, and removes it in `tearDown`.
 */
export class Workbench {
  fixtures!: Fixtures;
  private readonly made = {
    tags: [] as number[],
    categories: [] as number[],
    facts: [] as number[],
    events: [] as number[],
    articles: [] as number[],
    users: [] as number[],
    images: [] as number[],
  };

  constructor(readonly db: PrismaClient) {}

  /** What new articles and posts need before the fixtures exist: an author, a category, the thread. */
  private base!: { editorId: number; categoryId: number; threadId: number };

  async setUp(): Promise<Fixtures> {
    const editorId = (await this.db.user.findUniqueOrThrow({ where: { username: "editor" } })).id;
    const readerId = (await this.db.user.findUniqueOrThrow({ where: { username: "reader" } })).id;
    const category = await this.category();
    this.base = { editorId, categoryId: category.id, threadId: 0 };
    const thread = await this.published();
    this.base.threadId = thread.id;
    this.fixtures = {
      editorId,
      readerId,
      category,
      tag: { id: await this.tag() },
      fact: await this.fact(),
      event: { id: await this.event() },
      draft: await this.revised(),
      thread,
      visiblePost: { id: (await createApprovedPost(this.db, { articleId: thread.id })).id },
      readerPost: { id: await this.pendingPost(readerId) },
      member: await this.member(),
      picture: await tinyPng(),
    };
    return this.fixtures;
  }

  async tag(): Promise<number> {
    const { tag } = await call<{ tag: { id: number } }>("admin", "POST", "/api/admin/tags", { name: `tag ${token()}` });
    this.made.tags.push(tag.id);
    return tag.id;
  }

  async category(): Promise<{ id: number; slug: string }> {
    const { category } = await call<{ category: { id: number; slug: string } }>("admin", "POST", "/api/admin/categories", {
      name: `Category ${token()}`,
    });
    this.made.categories.push(category.id);
    return category;
  }

  async fact(): Promise<{ id: number; slug: string }> {
    const { fact } = await call<{ fact: { id: number; slug: string } }>("admin", "POST", "/api/admin/facts", {
      title: `A fact ${token()}`,
      summary: "Something true, in one sentence.",
      body: "The longer story.",
    });
    this.made.facts.push(fact.id);
    return fact;
  }

  async event(): Promise<number> {
    const { event } = await call<{ event: { id: number } }>("admin", "POST", "/api/admin/history", {
      month: 3,
      day: 4,
      year: 1901,
      title: `An event ${token()}`,
      text: "What happened.",
    });
    this.made.events.push(event.id);
    return event.id;
  }

  articleFields(title = `An article ${token()}`) {
    return {
      title,
      summary: "What the article is about.",
      body: "The article's text.",
      categoryId: this.base.categoryId,
      authorId: this.base.editorId,
    };
  }

  async draft(): Promise<Article> {
    const { article } = await call<{ article: Article }>("admin", "POST", "/api/admin/articles", this.articleFields());
    this.made.articles.push(article.id);
    return article;
  }

  /** A draft saved twice: revisions 1 and 2, so there is one to restore. */
  async revised(): Promise<Article> {
    const { id, revision } = await this.draft();
    return this.save(id, revision, { body: `A second text ${token()}` });
  }

  async save(id: number, baseRevision: number, changes: Record<string, unknown> = {}): Promise<Article> {
    const current = await this.db.article.findUniqueOrThrow({ where: { id } });
    const { article } = await call<{ article: Article }>("admin", "PUT", `/api/admin/articles/${id}`, {
      ...this.articleFields(current.title),
      summary: current.summary,
      body: current.body,
      baseRevision,
      ...changes,
    });
    return article;
  }

  async published(): Promise<Article> {
    const { id, revision } = await this.draft();
    return this.save(id, revision, { intent: "publish" });
  }

  async binned(): Promise<Article> {
    const article = await this.draft();
    await call("admin", "DELETE", `/api/admin/articles/${article.id}`);
    return article;
  }

  /** An autosave of the article by `role`'s account (editors and admins only). */
  async autosave(role: "editor" | "admin", articleId: number): Promise<void> {
    const { revision } = await this.db.article.findUniqueOrThrow({ where: { id: articleId } });
    await call(role, "PUT", `/api/admin/articles/${articleId}/autosave`, {
      baseRevision: revision,
      draft: { title: "Kept", summary: "Kept", body: `Unsaved text ${token()}` },
    });
  }

  /** A post waiting for moderation on the thread (by `authorId`, or a guest). */
  async pendingPost(authorId: number | null = null): Promise<number> {
    return (await createPendingComment(this.db, { articleId: this.base.threadId, authorId })).id;
  }

  /** A post a moderator removed, by a guest. */
  async removedPost(): Promise<number> {
    const id = await this.pendingPost();
    await this.db.comment.update({ where: { id }, data: { status: "DELETED" } });
    return id;
  }

  /** A visible post that a reader reported. */
  async reportedPost(): Promise<number> {
    const { id } = await createApprovedPost(this.db, { articleId: this.base.threadId });
    await this.db.report.create({ data: { commentId: id, reporterKey: `ip:${token()}`, reason: "This looks like spam." } });
    return id;
  }

  /** A post the demo moderator approved through the API, so there is an action to undo. */
  async moderatedPost(): Promise<number> {
    const id = await this.pendingPost();
    await call("moderator", "POST", `/api/moderation/comments/${id}`, { action: "approve" });
    return id;
  }

  async member(options: { bannedUntil?: Date; disabled?: boolean } = {}) {
    const user = await createUser(this.db, { username: uniqueName("member") });
    this.made.users.push(user.id);
    if (options.bannedUntil || options.disabled) {
      await this.db.user.update({
        where: { id: user.id },
        data: { bannedUntil: options.bannedUntil, disabledAt: options.disabled ? new Date() : undefined },
      });
    }
    return { id: user.id, username: user.username, unsubscribeKey: user.unsubscribeKey! };
  }

  /** A member with a post waiting on the thread, as the ban form needs: the post's id and the member. */
  async memberWithPost(options: { bannedUntil?: Date } = {}) {
    const member = await this.member(options);
    return { member, postId: await this.pendingPost(member.id) };
  }

  /** Something an accepted request made, to remove with the rest. */
  remember(kind: keyof Workbench["made"], id: number): void {
    this.made[kind].push(id);
  }

  async tearDown(): Promise<void> {
    // Through the API where a public page may show it, so the response cache forgets it too.
    for (const id of this.made.articles) await request("admin", "DELETE", `/api/admin/articles/${id}`);
    // Out of the bin for good (no API does that), so their categories can go.
    await this.db.article.deleteMany({ where: { id: { in: this.made.articles } } });
    for (const [kind, path] of [
      ["tags", "tags"],
      ["categories", "categories"],
      ["facts", "facts"],
      ["events", "history"],
    ] as const) {
      for (const id of this.made[kind]) await request("admin", "DELETE", `/api/admin/${path}/${id}`);
    }
    await this.db.image.deleteMany({ where: { id: { in: this.made.images } } });
    await this.db.user.deleteMany({ where: { id: { in: this.made.users } } });
  }
}

/** A small real picture, as the image upload takes it (base64). */
export async function tinyPng(): Promise<string> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3a7" } })
    .png()
    .toBuffer();
  return png.toString("base64");
}
