import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";

// The back office's reads (public pages read categories through lib/articles/queries.ts).

/** Every category, by name, with how many articles of any state (drafts and the bin too) are filed under it. */
export async function listCategoriesForEditors(actor: Actor) {
  assertCanEdit(actor);
  const categories = await db.category.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: true } } },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, articleCount: _count.articles }));
}

export async function getCategoryForEditing(actor: Actor, id: number) {
  assertCanEdit(actor);
  const category = await db.category.findUnique({
    where: { id },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: true } } },
  });
  if (!category) throw new NotFound("We could not find that category. It may have been deleted.");
  const { _count, ...rest } = category;
  return { ...rest, articleCount: _count.articles };
}
