import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache";
import { Conflict } from "@/lib/errors";
import { getPublishedArticle } from "@/lib/articles/queries";
import { createTag, deleteTag, updateTag } from "@/lib/tags/curation";
import { listTagsForEditors } from "@/lib/tags/queries";
import { tagFieldsSchema } from "@/lib/tags/schema";
import { parseInput } from "@/lib/validation";
import { createArticle, createUser, uniqueName } from "../helpers/factories";
import { actor, auditSince, lastAuditId, recordInvalidations } from "../helpers/curation";

// Tags as editors manage them in the back office, and what readers see under articles.

let editor: Awaited<ReturnType<typeof actor>>;
let authorId: number;
let cache: ReturnType<typeof recordInvalidations>;

beforeAll(async () => {
  editor = await actor("ADMIN");
  authorId = (await createUser(db, { role: "EDITOR" })).id;
});
beforeEach(() => {
  cache = recordInvalidations();
});
afterEach(() => cache.stop());

const fields = (input: Record<string, unknown>) => parseInput(tagFieldsSchema, input);
const tagNamesUnder = async (slug: string) => (await getPublishedArticle(slug))!.tags.map(({ tag }) => tag.name);

describe("tags", () => {
  it("are created with a slug made from the name, listed with their article counts, and found by name", async () => {
    const name = `Optics ${uniqueName("")}`;
    const since = await lastAuditId();
    const tag = await createTag(editor, fields({ name }));
    expect(tag.slug).toBe(name.toLowerCase().replace(" ", "-"));
    const list = await listTagsForEditors(editor, { q: name.slice(-8), page: 1 });
    expect(list.tags).toEqual([{ id: tag.id, slug: tag.slug, name, articleCount: 0 }]);
    // The search box ignores case on both databases.
    expect(
      (await listTagsForEditors(editor, { q: `OPTICS ${name.slice(7).toUpperCase()}`, page: 1 })).tags.map((t) => t.id),
    ).toEqual([tag.id]);
    expect(await auditSince(since)).toMatchObject([
      { action: "tag.create", subjectId: tag.id, summary: `Created the tag “${name}”.` },
    ]);
  });

  it("renamed, show their new name under every article that carries them", async () => {
    const slug = uniqueName("light-");
    const article = await createArticle(db, { authorId, tags: [slug] });
    const tag = await db.tag.findUniqueOrThrow({ where: { slug } });
    await updateTag(editor, tag.id, fields({ name: "Light and colour", slug }));
    expect(await tagNamesUnder(article.slug)).toEqual(["Light and colour"]);
    expect(cache.invalidated).toEqual([[tags.articles]]);
  });

  it("refuse a slug another tag has, naming the field, and change nothing", async () => {
    const [first, second] = [
      await createTag(editor, fields({ name: uniqueName("a") })),
      await createTag(editor, fields({ name: uniqueName("b") })),
    ];
    const audit = await db.auditEvent.count();
    const refusal = updateTag(editor, second.id, fields({ name: second.name, slug: first.slug }));
    await expect(refusal).rejects.toThrow(Conflict);
    await expect(refusal).rejects.toMatchObject({ fields: { slug: [expect.stringContaining(first.name)] } });
    expect(await db.tag.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ slug: second.slug });
    expect(await db.auditEvent.count()).toBe(audit);
  });

  it("deleted, are taken off their articles, which stay published, and the log says how many", async () => {
    const slug = uniqueName("doomed-");
    const keep = uniqueName("kept-");
    const articles = [
      await createArticle(db, { authorId, tags: [slug, keep] }),
      await createArticle(db, { authorId, tags: [slug] }),
    ];
    const tag = await db.tag.findUniqueOrThrow({ where: { slug } });
    const since = await lastAuditId();

    expect(await deleteTag(editor, tag.id)).toEqual({ name: slug, articleCount: 2 });
    expect(await db.tag.findUnique({ where: { id: tag.id } })).toBeNull();
    expect(await tagNamesUnder(articles[0]!.slug)).toEqual([keep]);
    expect(await tagNamesUnder(articles[1]!.slug)).toEqual([]);
    expect(cache.invalidated).toEqual([[tags.articles]]);
    expect(await auditSince(since)).toMatchObject([
      { action: "tag.delete", subjectId: tag.id, summary: `Deleted the tag “${slug}” and took it off 2 articles.` },
    ]);
  });
});
