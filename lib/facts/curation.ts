import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/slugs";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import type { FactFields } from "./schema";

// The back office's "did you know" writes: actor checked first, audit entry in
// the same transaction, the fact pages and the sidebar named after commit.

const select = { id: true, slug: true, title: true, summary: true, body: true } as const;
type Fact = { id: number; slug: string; title: string; summary: string; body: string };

async function freeSlug(tx: Tx, fields: FactFields, id: number | null): Promise<string> {
  const slug = fields.slug || slugify(fields.title);
  if (!slug) {
    throw new ValidationError("Please correct the highlighted fields.", {
      slug: ["The title has no letters or digits to make an address from: choose one."],
    });
  }
  const holder = await tx.fact.findUnique({ where: { slug }, select: { id: true, title: true } });
  if (holder && holder.id !== id) {
    throw new Conflict(`The fact “${holder.title}” already has that address.`, {
      slug: [`“${holder.title}” is already at /facts/${slug}. Choose a different address.`],
    });
  }
  return slug;
}

export async function createFact(actor: Actor, fields: FactFields): Promise<Fact> {
  const staff = assertCanEdit(actor);
  const created = await db.$transaction(async (tx) => {
    const slug = await freeSlug(tx, fields, null);
    const fact = await tx.fact.create({
      data: { slug, title: fields.title, summary: fields.summary, body: fields.body },
      select,
    });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "fact.create",
      subjectType: "fact",
      subjectId: fact.id,
      summary: `Added the fact “${fact.title}” at /facts/${fact.slug}.`,
      after: fact,
    });
    return fact;
  });
  pagesChanged(changed.facts());
  return created;
}

export async function updateFact(actor: Actor, id: number, fields: FactFields): Promise<Fact> {
  const staff = assertCanEdit(actor);
  const { fact, wasChanged } = await db.$transaction(async (tx) => {
    const before = await tx.fact.findUnique({ where: { id }, select });
    if (!before) throw new NotFound("We could not find that fact. It may have been deleted.");
    const slug = await freeSlug(tx, fields, id);
    const after = { id, slug, title: fields.title, summary: fields.summary, body: fields.body };
    const edited = (Object.keys(after) as (keyof Fact)[]).filter((key) => before[key] !== after[key]);
    if (edited.length === 0) return { fact: before, wasChanged: false };
    await tx.fact.update({ where: { id }, data: { slug, title: fields.title, summary: fields.summary, body: fields.body } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "fact.update",
      subjectType: "fact",
      subjectId: id,
      summary:
        before.title === after.title
          ? `Edited the fact “${after.title}” (${edited.join(", ")}).`
          : `Edited the fact “${before.title}”, now “${after.title}” (${edited.join(", ")}).`,
      before,
      after,
    });
    return { fact: after, wasChanged: true };
  });
  if (wasChanged) pagesChanged(changed.facts());
  return fact;
}

export async function deleteFact(actor: Actor, id: number): Promise<void> {
  const staff = assertCanEdit(actor);
  await db.$transaction(async (tx) => {
    const fact = await tx.fact.findUnique({ where: { id }, select });
    if (!fact) throw new NotFound("We could not find that fact. It may have been deleted.");
    await tx.fact.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "fact.delete",
      subjectType: "fact",
      subjectId: id,
      summary: `Deleted the fact “${fact.title}”.`,
      before: fact,
    });
  });
  pagesChanged(changed.facts());
}
