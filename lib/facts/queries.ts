import "server-only";
import { db } from "@/lib/db";
import { dayOfYear, monthDayOf } from "@/lib/calendar";

/** The sidebar's fact: one per calendar day, the same for every reader that day. */
export async function getFactOfTheDay(now = new Date()) {
  const count = await db.fact.count();
  if (count === 0) return null;
  return db.fact.findFirst({
    orderBy: { id: "asc" },
    skip: dayOfYear(monthDayOf(now)) % count,
    select: { slug: true, title: true, summary: true },
  });
}

export async function listFacts() {
  return db.fact.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, summary: true } });
}

export async function getFact(slug: string) {
  return db.fact.findUnique({ where: { slug }, select: { slug: true, title: true, summary: true, body: true } });
}
