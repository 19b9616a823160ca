import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache";
import { Conflict, ValidationError } from "@/lib/errors";
import { getCategoryWithArticles, listCategoriesWithCounts } from "@/lib/articles/queries";
import { createCategory, deleteCategory, updateCategory } from "@/lib/categories/curation";
import { listCategoriesForEditors } from "@/lib/categories/queries";
import { categoryFieldsSchema } from "@/lib/categories/schema";
import { parseInput } from "@/lib/validation";
import { createArticle, createUser, uniqueName } from "../helpers/factories";
import { actor, auditSince, lastAuditId, recordInvalidations } from "../helpers/curation";

// Categories as editors manage them in the back office, through lib/categories
// on a real SQLite file, and what readers' pages show after each change.

let editor: Awaited<ReturnType<typeof actor>>;
let cache: ReturnType<typeof recordInvalidations>;

beforeAll(async () => {
  editor = await actor("EDITOR");
});
beforeEach(() => {
  cache = recordInvalidations();
});
afterEach(() => cache.stop());

const fields = (input: Record<string, unknown>) => parseInput(categoryFieldsSchema, input);

describe("a new category", () => {
  it("gets an address made from its name, shows on the home page's list, and is in the audit log", async () => {
    const since = await lastAuditId();
    const name = `Weather ${uniqueName("")}`;
    const category = await createCategory(editor, fields({ name, description: "Clouds and rain." }));
    expect(category.slug).toBe(name.toLowerCase().replace(" ", "-"));
    expect((await listCategoriesWithCounts()).map((c) => c.name)).toContain(name);
    expect(cache.invalidated).toEqual([[tags.articles]]);
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({
      actorId: editor.id,
      action: "category.create",
      subjectType: "category",
      subjectId: category.id,
      summary: `Created the category “${name}” at /categories/${category.slug}.`,
    });
  });

  it("is refused, naming the field, when another category has its address, and nothing is written", async () => {
    const taken = await createCategory(editor, fields({ name: uniqueName("Taken ") }));
    const before = { categories: await db.category.count(), audit: await db.auditEvent.count() };
    const refusal = createCategory(editor, fields({ name: "Something else", slug: taken.slug }));
    await expect(refusal).rejects.toThrow(Conflict);
    await expect(refusal).rejects.toMatchObject({ fields: { slug: [expect.stringContaining(`/categories/${taken.slug}`)] } });
    expect({ categories: await db.category.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("is refused before anything is stored when its address is not lower-case letters, digits and hyphens", () => {
    expect(() => fields({ name: "Fine", slug: "Not OK!" })).toThrow(ValidationError);
    expect(() => fields({ name: "  " })).toThrow(ValidationError);
    try {
      fields({ name: "", slug: "-bad-" });
    } catch (error) {
      expect((error as ValidationError).fields).toEqual({
        name: ["Give the category a name."],
        slug: ["Use lower-case letters, digits and single hyphens only."],
      });
    }
  });
});

describe("editing a category", () => {
  it("renames it and moves its page, and its articles follow it", async () => {
    const author = await createUser(db, { role: "EDITOR" });
    const oldSlug = uniqueName("gadgets-");
    const article = await createArticle(db, { authorId: author.id, categorySlug: oldSlug });
    const { id } = await db.category.findUniqueOrThrow({ where: { slug: oldSlug } });
    const since = await lastAuditId();

    const newSlug = uniqueName("devices-");
    const renamed = await updateCategory(
      editor,
      id,
      fields({ name: "Devices", slug: newSlug, description: "Things that plug in." }),
    );
    expect(renamed).toMatchObject({ name: "Devices", slug: newSlug });
    expect(await getCategoryWithArticles(oldSlug)).toBeNull();
    const page = await getCategoryWithArticles(newSlug);
    expect(page).toMatchObject({ name: "Devices", description: "Things that plug in." });
    expect(page!.articles.map((a) => a.id)).toEqual([article.id]);
    expect(cache.invalidated).toEqual([[tags.articles]]);

    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: "category.update", subjectId: id });
    expect(entry!.summary).toContain(`Renamed the category “${oldSlug}” to “Devices”`);
    expect(entry!.before).toMatchObject({ name: oldSlug, slug: oldSlug });
    expect(entry!.after).toMatchObject({ name: "Devices", slug: newSlug });
  });

  it("writes nothing, and records nothing, when nothing changed", async () => {
    const category = await createCategory(editor, fields({ name: uniqueName("Same ") }));
    const since = await lastAuditId();
    cache.invalidated.length = 0;
    await updateCategory(editor, category.id, fields({ name: category.name, slug: category.slug }));
    expect(await auditSince(since)).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });
});

describe("deleting a category", () => {
  it("is refused with a sentence while an article is filed under it, even one in the bin, and nothing changes", async () => {
    const author = await createUser(db, { role: "EDITOR" });
    const slug = uniqueName("busy-");
    const article = await createArticle(db, { authorId: author.id, categorySlug: slug });
    await db.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    const category = await db.category.findUniqueOrThrow({ where: { slug } });
    const before = { categories: await db.category.count(), audit: await db.auditEvent.count() };

    const refusal = deleteCategory(editor, category.id);
    await expect(refusal).rejects.toThrow(Conflict);
    await expect(refusal).rejects.toThrow(
      `“${slug}” still has 1 article (counting drafts and the bin). Move them to another category first`,
    );
    expect({ categories: await db.category.count(), audit: await db.auditEvent.count() }).toEqual(before);
    expect(cache.invalidated).toEqual([]);
  });

  it("removes an empty category from the back office and the public list, with an audit entry", async () => {
    const category = await createCategory(editor, fields({ name: uniqueName("Empty ") }));
    const since = await lastAuditId();
    await deleteCategory(editor, category.id);
    expect((await listCategoriesForEditors(editor)).map((c) => c.id)).not.toContain(category.id);
    expect((await listCategoriesWithCounts()).map((c) => c.slug)).not.toContain(category.slug);
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: "category.delete", summary: `Deleted the category “${category.name}”.` });
    expect(entry!.before).toMatchObject({ slug: category.slug });
  });
});
