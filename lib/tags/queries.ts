import "server-only";
import { containing, db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import { TAGS_PER_PAGE, type TagListQuery } from "./schema";

// The back office's reads (public pages read an article's tags through lib/articles/queries.ts).

/** Tags by name, with how many articles carry each, filtered by name or address and paged. */
export async function listTagsForEditors(actor: Actor, query: TagListQuery) {
  assertCanEdit(actor);
  const where: Prisma.TagWhereInput = query.q ? { OR: [{ name: containing(query.q) }, { slug: containing(query.q) }] } : {};
  const [total, rows] = await Promise.all([
    db.tag.count({ where }),
    db.tag.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * TAGS_PER_PAGE,
      take: TAGS_PER_PAGE,
      select: { id: true, slug: true, name: true, _count: { select: { articles: true } } },
    }),
  ]);
  const tags = rows.map(({ _count, ...tag }) => ({ ...tag, articleCount: _count.articles }));
  return { tags, total, page: query.page, pages: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)) };
}

export async function getTagForEditing(actor: Actor, id: number) {
  assertCanEdit(actor);
  const tag = await db.tag.findUnique({
    where: { id },
    select: { id: true, slug: true, name: true, _count: { select: { articles: true } } },
  });
  if (!tag) throw new NotFound("We could not find that tag. It may have been deleted.");
  const { _count, ...rest } = tag;
  return { ...rest, articleCount: _count.articles };
}
