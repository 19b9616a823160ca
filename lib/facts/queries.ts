import "server-only";
import { db } from "@/lib/db";
import { dayOfYear, monthDayOf, nextSiteMidnight } from "@/lib/calendar";
import { expirePageAt, tagPage, tags } from "@/lib/cache";
import { NotFound } from "@/lib/errors";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";

/**
 * The sidebar's fact: one per calendar day, the same for every reader that
 * day, picked in one statement (it is on every page with the sidebar).
 */
export async function getFactOfTheDay(now = new Date()) {
  tagPage(tags.facts);
  expirePageAt(nextSiteMidnight(now));
  const day = dayOfYear(monthDayOf(now));
  const [fact] = await db.$queryRaw<{ slug: string; title: string; summary: string }[]>`
    SELECT "slug", "title", "summary" FROM "Fact" ORDER BY "id" LIMIT 1
    OFFSET COALESCE(${day} % NULLIF((SELECT COUNT(*) FROM "Fact"), 0), 0)`;
  return fact ?? null;
}

export async function listFacts() {
  tagPage(tags.facts);
  return db.fact.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, summary: true } });
}

export async function getFact(slug: string) {
  tagPage(tags.facts);
  return db.fact.findUnique({ where: { slug }, select: { slug: true, title: true, summary: true, body: true } });
}

/** The back office's list: every fact, newest first. */
export async function listFactsForEditors(actor: Actor) {
  assertCanEdit(actor);
  return db.fact.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, title: true, summary: true, createdAt: true },
  });
}

export async function getFactForEditing(actor: Actor, id: number) {
  assertCanEdit(actor);
  const fact = await db.fact.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, summary: true, body: true },
  });
  if (!fact) throw new NotFound("We could not find that fact. It may have been deleted.");
  return fact;
}

const neighbourSelect = { slug: true, title: true } as const;

/**
 * The facts before and after this one in the facts list's order (by title,
 * then slug, so that the order is total), for the fact page's "previous" and
 * "next" links; null at either end of the list.
 */
export async function getFactNeighbours({ slug, title }: { slug: string; title: string }) {
  tagPage(tags.facts);
  const [previous, next] = await Promise.all([
    db.fact.findFirst({
      where: { OR: [{ title: { lt: title } }, { title, slug: { lt: slug } }] },
      orderBy: [{ title: "desc" }, { slug: "desc" }],
      select: neighbourSelect,
    }),
    db.fact.findFirst({
      where: { OR: [{ title: { gt: title } }, { title, slug: { gt: slug } }] },
      orderBy: [{ title: "asc" }, { slug: "asc" }],
      select: neighbourSelect,
    }),
  ]);
  return { previous, next };
}
