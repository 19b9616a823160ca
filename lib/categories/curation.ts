import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/slugs";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import type { CategoryFields } from "./schema";

// The back office's category writes. Each checks the actor first, records its
// audit entry in its own transaction, and names the pages it changed after commit.

const select = { id: true, slug: true, name: true, description: true } as const;
type Category = { id: number; slug: string; name: string; description: string };

/** The address asked for, or one made from the name; refused by field if another category has it. */
async function freeSlug(tx: Tx, fields: CategoryFields, id: number | null): Promise<string> {
  const slug = fields.slug || slugify(fields.name);
  if (!slug) {
    throw new ValidationError("Please correct the highlighted fields.", {
      slug: ["The name has no letters or digits to make an address from: choose one."],
    });
  }
  const holder = await tx.category.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (holder && holder.id !== id) {
    throw new Conflict(`The category “${holder.name}” already has that address.`, {
      slug: [`“${holder.name}” is already at /categories/${slug}. Choose a different address.`],
    });
  }
  return slug;
}

export async function createCategory(actor: Actor, fields: CategoryFields): Promise<Category> {
  const staff = assertCanEdit(actor);
  const created = await db.$transaction(async (tx) => {
    const slug = await freeSlug(tx, fields, null);
    const category = await tx.category.create({ data: { slug, name: fields.name, description: fields.description }, select });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "category.create",
      subjectType: "category",
      subjectId: category.id,
      summary: `Created the category “${category.name}” at /categories/${category.slug}.`,
      after: category,
    });
    return category;
  });
  pagesChanged(changed.taxonomy());
  return created;
}

/** What an edit did, in words for the audit trail: "Renamed the category “A” to “B”; moved …". */
function describeCategoryChange(before: Category, after: Category): string {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`renamed the category “${before.name}” to “${after.name}”`);
  if (before.slug !== after.slug)
    parts.push(`moved “${after.name}” from /categories/${before.slug} to /categories/${after.slug}`);
  if (before.description !== after.description) parts.push(`changed the description of “${after.name}”`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Renames, re-addresses or re-describes a category. Its articles follow it; its old address stops answering. */
export async function updateCategory(actor: Actor, id: number, fields: CategoryFields): Promise<Category> {
  const staff = assertCanEdit(actor);
  const { category, wasChanged } = await db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id }, select });
    if (!before) throw new NotFound("We could not find that category. It may have been deleted.");
    const slug = await freeSlug(tx, fields, id);
    const after = { id, slug, name: fields.name, description: fields.description };
    if (before.slug === after.slug && before.name === after.name && before.description === after.description) {
      return { category: before, wasChanged: false };
    }
    await tx.category.update({ where: { id }, data: { slug, name: fields.name, description: fields.description } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "category.update",
      subjectType: "category",
      subjectId: id,
      summary: describeCategoryChange(before, after),
      before,
      after,
    });
    return { category: after, wasChanged: true };
  });
  if (wasChanged) pagesChanged(changed.taxonomy());
  return category;
}

/** Deletes a category no article is filed under; refused with a sentence while any is (drafts and the bin count). */
export async function deleteCategory(actor: Actor, id: number): Promise<void> {
  const staff = assertCanEdit(actor);
  await db.$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { id }, select });
    if (!category) throw new NotFound("We could not find that category. It may have been deleted.");
    const articles = await tx.article.count({ where: { categoryId: id } });
    if (articles > 0) {
      throw new Conflict(
        `“${category.name}” still has ${articles} article${articles === 1 ? "" : "s"} (counting drafts and the bin). ` +
          "Move them to another category first, then delete it.",
      );
    }
    await tx.category.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "category.delete",
      subjectType: "category",
      subjectId: id,
      summary: `Deleted the category “${category.name}”.`,
      before: category,
    });
  });
  pagesChanged(changed.taxonomy());
}
