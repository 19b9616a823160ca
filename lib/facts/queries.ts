import "server-only";
import { db } from "@/lib/db";
import { dayOfYear, monthDayOf, nextSiteMidnight } from "@/lib/calendar";
import { expirePageAt, tagPage, tags } from "@/lib/cache";

/** The sidebar's fact: one per calendar day, the same for every reader that day. */
export async function getFactOfTheDay(now = new Date()) {
  tagPage(tags.facts);
  expirePageAt(nextSiteMidnight(now));
  const count = await db.fact.count();
  if (count === 0) return null;
  return db.fact.findFirst({
    orderBy: { id: "asc" },
    skip: dayOfYear(monthDayOf(now)) % count,
    select: { slug: true, title: true, summary: true },
  });
}

export async function listFacts() {
  tagPage(tags.facts);
  return db.fact.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, summary: true } });
}

export async function getFact(slug: string) {
  tagPage(tags.facts);
  return db.fact.findUnique({ where: { slug }, select: { slug: true, title: true, summary: true, body: true } });
}
