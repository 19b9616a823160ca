import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { installPageCacheHooks, tags } from "@/lib/cache";
import { Conflict, ValidationError } from "@/lib/errors";
import { findMovedArticle, getPublishedArticle, listLatestArticles } from "@/lib/articles/queries";
import { createArticle, deleteArticle, restoreArticle, saveArticle } from "@/lib/editorial/articles";
import { autosaveArticle } from "@/lib/editorial/autosave";
import { getArticleForEditing, listArticlesForEditors } from "@/lib/editorial/queries";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/editorial/revisions";
import { publishDueArticles } from "@/lib/editorial/schedule";
import { articleFieldsSchema, saveArticleSchema } from "@/lib/editorial/schema";
import { createUser, uniqueName } from "../helpers/factories";

// The article side of the back office, through lib/editorial on a real SQLite
// file: drafts, publication, revisions, stale saves, addresses, scheduling, the bin.

type Staff = { id: number; role: "EDITOR" | "ADMIN" };
let editor: Staff;
let otherEditor: Staff;
let categoryId: number;
let invalidated: string[][];

beforeAll(async () => {
  const [a, b] = [await createUser(db, { role: "EDITOR" }), await createUser(db, { role: "ADMIN" })];
  editor = { id: a.id, role: "EDITOR" };
  otherEditor = { id: b.id, role: "ADMIN" };
  categoryId = (await db.category.create({ data: { slug: uniqueName("cat-"), name: "Science" } })).id;
});

beforeEach(() => {
  invalidated = [];
  installPageCacheHooks({ currentRender: () => undefined, invalidate: (changed) => void invalidated.push([...changed]) });
});
afterEach(() => installPageCacheHooks(undefined));

function fields(overrides: Record<string, unknown> = {}) {
  return articleFieldsSchema.parse({
    title: `Why do kettles sing ${uniqueName("")}?`,
    summary: "A short answer about bubbles.",
    body: "Bubbles form and **collapse**.",
    categoryId,
    authorId: editor.id,
    tags: "sound, heat",
    ...overrides,
  });
}

async function draft(overrides: Record<string, unknown> = {}) {
  return createArticle(editor, fields(overrides));
}

async function save(actor: Staff, article: { id: number; revision: number }, overrides: Record<string, unknown> = {}) {
  const current = await getArticleForEditing(actor, article.id);
  return saveArticle(
    actor,
    saveArticleSchema.parse({
      articleId: article.id,
      baseRevision: article.revision,
      title: current.title,
      summary: current.summary,
      body: current.body,
      categoryId: current.categoryId,
      authorId: current.authorId,
      tags: current.tags.join(", "),
      slug: current.slug,
      ...overrides,
    }),
  );
}

describe("a new article", () => {
  it("is a draft at an address made from its title, with revision 1, on no public page", async () => {
    const created = await draft({ title: "Why Do Kettles Sing?" });
    expect(created).toMatchObject({ status: "DRAFT", revision: 1 });
    expect(created.slug).toMatch(/^why-do-kettles-sing(-\d+)?$/);
    expect(await getPublishedArticle(created.slug)).toBeNull();
    const { revisions } = await listRevisions(editor, created.id);
    expect(revisions.map((r) => [r.number, r.event])).toEqual([[1, "create"]]);
  });

  it("keeps following its title until it is published", async () => {
    const created = await draft({ title: "Kettle draft one" });
    const saved = await save(editor, created, { title: "Kettle draft renamed" });
    expect(saved.slug).toBe("kettle-draft-renamed");
    expect(await db.articleSlug.count({ where: { articleId: created.id } })).toBe(0);
  });

  it("refuses a picture without alt text, naming it", async () => {
    await expect(draft({ body: "Look: ![](/media/abc/960.webp)" })).rejects.toThrow(ValidationError);
  });

  it("refuses a tag whose name makes no address, naming it, and takes it once the tag exists under that name", async () => {
    const name = "部落格";
    const articles = await db.article.count();
    const refused = await draft({ tags: ["sound", name] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.tags!.join(" ")).toContain(`“${name}”`);
    expect(await db.article.count()).toBe(articles);

    const tag = await db.tag.create({ data: { name, slug: uniqueName("blog-") } });
    const created = await draft({ tags: ["sound", name] });
    expect((await getArticleForEditing(editor, created.id)).tags).toEqual(expect.arrayContaining(["sound", name]));
    expect(await db.articleTag.count({ where: { articleId: created.id, tagId: tag.id } })).toBe(1);
  });
});

describe("publishing", () => {
  it("puts the article on the public pages, drops their cached copies, and dates it", async () => {
    const created = await draft();
    invalidated = [];
    const before = Date.now();
    const published = await save(editor, created, { intent: "publish" });
    expect(published.status).toBe("PUBLISHED");
    const page = await getPublishedArticle(published.slug);
    expect(page?.title).toBe((await getArticleForEditing(editor, created.id)).title);
    expect(page!.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await listLatestArticles(50)).map((a) => a.id)).toContain(created.id);
    expect(invalidated.flat()).toEqual(expect.arrayContaining([tags.article(created.id), tags.articles]));
  });

  it("moves Last Modified Date for a change of the text, not for tags alone", async () => {
    const published = await save(editor, await draft(), { intent: "publish" });
    const first = (await getPublishedArticle(published.slug))!.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const tagged = await save(editor, published, { tags: "sound, heat, kitchens" });
    expect((await getPublishedArticle(tagged.slug))!.updatedAt).toEqual(first);
    const edited = await save(editor, tagged, { body: "Bubbles form, rise and collapse." });
    expect((await getPublishedArticle(edited.slug))!.updatedAt.getTime()).toBeGreaterThan(first.getTime());
  });

  it("records the person saving as editor when asked", async () => {
    const published = await save(editor, await draft(), { intent: "publish" });
    await save(otherEditor, published, { recordAsEditor: true });
    const row = await db.article.findUniqueOrThrow({ where: { id: published.id } });
    expect(row.editorId).toBe(otherEditor.id);
  });

  it("takes it off the site again when unpublished", async () => {
    const published = await save(editor, await draft(), { intent: "publish" });
    await save(editor, published, { intent: "unpublish" });
    expect(await getPublishedArticle(published.slug)).toBeNull();
  });
});

describe("a stale save", () => {
  it("is refused, naming who saved meanwhile, and changes nothing", async () => {
    const created = await draft();
    await save(otherEditor, created, { body: "Their version." });
    const before = await db.article.findUniqueOrThrow({ where: { id: created.id } });
    const refusal = await save(editor, created, { body: "My version." }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Conflict);
    const otherName = (await db.user.findUniqueOrThrow({ where: { id: otherEditor.id } })).username;
    expect((refusal as Error).message).toContain(otherName);
    expect((refusal as Error).message).toContain("revision 2");
    expect(await db.article.findUniqueOrThrow({ where: { id: created.id } })).toEqual(before);
    expect(await db.articleRevision.count({ where: { articleId: created.id } })).toBe(2);
  });
});

describe("addresses", () => {
  it("keep an old address answering with the new one after a rename, and refuse one another article has", async () => {
    const first = await save(editor, await draft(), { intent: "publish" });
    const moved = await save(editor, first, { slug: `${first.slug}-moved` });
    expect(moved.slug).toBe(`${first.slug}-moved`);
    expect(await getPublishedArticle(first.slug)).toBeNull();
    expect(await findMovedArticle(first.slug)).toBe(moved.slug);

    const other = await save(editor, await draft(), { intent: "publish" });
    await expect(save(editor, other, { slug: first.slug })).rejects.toThrow(ValidationError);
    await expect(save(editor, other, { slug: moved.slug })).rejects.toThrow(ValidationError);
  });

  it("give an article its own old address back when it moves home", async () => {
    const first = await save(editor, await draft(), { intent: "publish" });
    const away = await save(editor, first, { slug: `${first.slug}-away` });
    const home = await save(editor, away, { slug: first.slug });
    expect(home.slug).toBe(first.slug);
    expect(await findMovedArticle(first.slug)).toBeNull();
    expect(await findMovedArticle(away.slug)).toBe(first.slug);
  });
});

describe("scheduling", () => {
  it("refuses a time in the past", async () => {
    const created = await draft();
    await expect(
      save(editor, created, { intent: "schedule", publishAt: new Date(Date.now() - 60_000).toISOString() }),
    ).rejects.toThrow(ValidationError);
  });

  it("publishes the article on its own once due, dated as scheduled, and drops the cached pages", async () => {
    const due = new Date(Date.now() + 3_600_000);
    const scheduled = await save(editor, await draft(), { intent: "schedule", publishAt: due.toISOString() });
    expect(scheduled.status).toBe("SCHEDULED");
    expect(await publishDueArticles(new Date())).not.toContain(scheduled.id);
    expect(await getPublishedArticle(scheduled.slug)).toBeNull();

    invalidated = [];
    expect(await publishDueArticles(new Date(due.getTime() + 1000))).toContain(scheduled.id);
    const page = await getPublishedArticle(scheduled.slug);
    expect(page?.updatedAt).toEqual(due);
    expect(invalidated.flat()).toContain(tags.article(scheduled.id));
    // Once only.
    expect(await publishDueArticles(new Date(due.getTime() + 2000))).not.toContain(scheduled.id);
    const { revisions } = await listRevisions(editor, scheduled.id);
    expect(revisions[0]?.event).toBe("publish:scheduled");
  });

  it("takes a wall-clock time in the site's time zone from a form without script", async () => {
    const scheduled = await save(editor, await draft(), { intent: "schedule", publishAt: "2099-06-01T09:30" });
    expect((await db.article.findUniqueOrThrow({ where: { id: scheduled.id } })).publishedAt).toEqual(
      new Date("2099-06-01T09:30:00Z"),
    );
  });
});

describe("revisions", () => {
  it("compare any two with a diff, and restore an old one as a new revision", async () => {
    const created = await draft({ body: "First line.\nSecond line." });
    const second = await save(editor, created, { body: "First line.\nA changed second line." });
    const diff = await compareRevisions(editor, created.id, 1, 2);
    expect(diff.body.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(["Second line."]);
    expect(diff.body.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["A changed second line."]);

    const restored = await restoreRevision(editor, { articleId: created.id, number: 1, baseRevision: second.revision });
    expect(restored.revision).toBe(3);
    expect((await getArticleForEditing(editor, created.id)).body).toBe("First line.\nSecond line.");
    expect((await listRevisions(editor, created.id)).revisions[0]?.event).toBe("restore:1");
  });
});

describe("autosave", () => {
  it("keeps the unsaved text for its writer alone, until the next save", async () => {
    const created = await draft();
    const text = { title: "Unsaved title", summary: "Unsaved summary", body: "Unsaved body" };
    await autosaveArticle(editor, { articleId: created.id, baseRevision: 1, draft: text });
    expect(JSON.parse((await getArticleForEditing(editor, created.id)).autosave!.draft)).toMatchObject(text);
    expect((await getArticleForEditing(otherEditor, created.id)).autosave).toBeNull();
    expect((await getArticleForEditing(editor, created.id)).body).not.toBe("Unsaved body");
    await save(editor, created);
    expect((await getArticleForEditing(editor, created.id)).autosave).toBeNull();
  });
});

describe("the bin", () => {
  it("takes a published article off the site, lists it in the bin, and restores it as a draft", async () => {
    const published = await save(editor, await draft(), { intent: "publish" });
    await deleteArticle(editor, published.id);
    expect(await getPublishedArticle(published.slug)).toBeNull();
    const bin = await listArticlesForEditors(editor, { status: "DELETED", page: 1 });
    expect(bin.articles.map((a) => a.id)).toContain(published.id);
    const live = await listArticlesForEditors(editor, { page: 1 });
    expect(live.articles.map((a) => a.id)).not.toContain(published.id);
    await expect(save(editor, { id: published.id, revision: published.revision })).rejects.toThrow(/bin/);

    await restoreArticle(editor, published.id);
    const restored = await getArticleForEditing(editor, published.id);
    expect(restored).toMatchObject({ status: "DRAFT", deletedAt: null });
  });
});
