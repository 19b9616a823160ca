import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/slugs";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import type { TagFields } from "./schema";

// The back office's tag writes: actor checked first, audit entry in the same
// transaction, pages named after commit. (The article editor also creates
// tags, by name, as it saves: lib/editorial/articles.ts.)

const select = { id: true, slug: true, name: true } as const;
type Tag = { id: number; slug: string; name: string };

/**
 * The slug asked for, or the name's, as the article editor makes it; refused
 * by field if another tag has it (the editor finds tags by that slug, so two
 * tags must never share one).
 */
async function freeSlug(tx: Tx, fields: TagFields, id: number | null): Promise<string> {
  const slug = fields.slug || slugify(fields.name);
  if (!slug) {
    throw new ValidationError("Please correct the highlighted fields.", {
      slug: ["The name has no letters or digits to make an address from: choose one."],
    });
  }
  const holder = await tx.tag.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (holder && holder.id !== id) {
    throw new Conflict(`The tag “${holder.name}” already has that address.`, {
      slug: [`The tag “${holder.name}” already uses “${slug}”. Choose a different one, or edit that tag instead.`],
    });
  }
  return slug;
}

export async function createTag(actor: Actor, fields: TagFields): Promise<Tag> {
  const staff = assertCanEdit(actor);
  const created = await db.$transaction(async (tx) => {
    const slug = await freeSlug(tx, fields, null);
    const tag = await tx.tag.create({ data: { slug, name: fields.name }, select });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "tag.create",
      subjectType: "tag",
      subjectId: tag.id,
      summary: `Created the tag “${tag.name}”.`,
      after: tag,
    });
    return tag;
  });
  // No page shows a tag no article carries yet; named anyway, so a change here never needs thought.
  pagesChanged(changed.taxonomy());
  return created;
}

function describeTagChange(before: Tag, after: Tag): string {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`renamed the tag “${before.name}” to “${after.name}”`);
  if (before.slug !== after.slug) parts.push(`changed the address of “${after.name}” from “${before.slug}” to “${after.slug}”`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Renames a tag or changes its slug, on every article that carries it. */
export async function updateTag(actor: Actor, id: number, fields: TagFields): Promise<Tag> {
  const staff = assertCanEdit(actor);
  const { tag, wasChanged } = await db.$transaction(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id }, select });
    if (!before) throw new NotFound("We could not find that tag. It may have been deleted.");
    const slug = await freeSlug(tx, fields, id);
    const after = { id, slug, name: fields.name };
    if (before.slug === after.slug && before.name === after.name) return { tag: before, wasChanged: false };
    await tx.tag.update({ where: { id }, data: { slug, name: fields.name } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "tag.update",
      subjectType: "tag",
      subjectId: id,
      summary: describeTagChange(before, after),
      before,
      after,
    });
    return { tag: after, wasChanged: true };
  });
  if (wasChanged) pagesChanged(changed.taxonomy());
  return tag;
}

/** Deletes a tag, taking it off every article that carried it. Says how many that was. */
export async function deleteTag(actor: Actor, id: number): Promise<{ name: string; articleCount: number }> {
  const staff = assertCanEdit(actor);
  const deleted = await db.$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id }, select });
    if (!tag) throw new NotFound("We could not find that tag. It may have been deleted.");
    const articleCount = await tx.articleTag.count({ where: { tagId: id } });
    // ArticleTag rows go with the tag (onDelete: Cascade).
    await tx.tag.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "tag.delete",
      subjectType: "tag",
      subjectId: id,
      summary: `Deleted the tag “${tag.name}” and took it off ${articleCount} article${articleCount === 1 ? "" : "s"}.`,
      before: { ...tag, articleCount },
    });
    return { name: tag.name, articleCount };
  });
  pagesChanged(changed.taxonomy());
  return deleted;
}
