import "server-only";
import { db } from "@/lib/db";
import { dayOfYear, monthDayOf, nextSiteMidnight, type MonthDay } from "@/lib/calendar";
import { expirePageAt, tagPage, tags } from "@/lib/cache";
import { NotFound } from "@/lib/errors";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";

/** A day's events, oldest first: on every page with the sidebar, so one plain statement. */
export async function listEventsOn({ month, day }: MonthDay) {
  tagPage(tags.history);
  return db.$queryRaw<{ id: number; year: number; title: string; text: string }[]>`
    SELECT "id", "year", "title", "text" FROM "HistoryEvent" WHERE "month" = ${month} AND "day" = ${day} ORDER BY "year"`;
}

/** Today's sidebar event (one of the day's events, chosen by the date), or null on a day with none. */
export async function getTodaysEvent(now = new Date()) {
  // "Today" changes at the site's midnight: the page holding it expires then.
  expirePageAt(nextSiteMidnight(now));
  const today = monthDayOf(now);
  const events = await listEventsOn(today);
  const event = events.length > 0 ? events[dayOfYear(today) % events.length]! : null;
  return { today, event };
}

/** Calendar days that have events, in calendar order, for the history index. */
export async function listDaysWithEvents() {
  tagPage(tags.history);
  const rows = await db.historyEvent.groupBy({
    by: ["month", "day"],
    _count: { _all: true },
    orderBy: [{ month: "asc" }, { day: "asc" }],
  });
  return rows.map((row) => ({ month: row.month, day: row.day, count: row._count._all }));
}

const editorSelect = { id: true, month: true, day: true, year: true, title: true, text: true } as const;

/** The back office's list: one calendar day's events, oldest first. */
export async function listEventsForEditors(actor: Actor, { month, day }: MonthDay) {
  assertCanEdit(actor);
  return db.historyEvent.findMany({ where: { month, day }, orderBy: [{ year: "asc" }, { id: "asc" }], select: editorSelect });
}

export async function getHistoryEventForEditing(actor: Actor, id: number) {
  assertCanEdit(actor);
  const event = await db.historyEvent.findUnique({ where: { id }, select: editorSelect });
  if (!event) throw new NotFound("We could not find that event. It may have been deleted.");
  return event;
}

const dayOnly = { month: true, day: true } as const;

/**
 * The nearest days before and after `day` that have history, round the
 * calendar (December 31 comes before January 1), for a day page's "previous"
 * and "next" links; null when no other day has any.
 */
export async function getNeighbourDays({ month, day }: MonthDay): Promise<{ previous: MonthDay | null; next: MonthDay | null }> {
  tagPage(tags.history);
  const before = { OR: [{ month: { lt: month } }, { month, day: { lt: day } }] };
  const after = { OR: [{ month: { gt: month } }, { month, day: { gt: day } }] };
  const latestFirst = [{ month: "desc" as const }, { day: "desc" as const }];
  const earliestFirst = [{ month: "asc" as const }, { day: "asc" as const }];
  const notThisDay = { NOT: { month, day } };
  const [previous, next] = await Promise.all([
    db.historyEvent
      .findFirst({ where: before, orderBy: latestFirst, select: dayOnly })
      .then((found) => found ?? db.historyEvent.findFirst({ where: notThisDay, orderBy: latestFirst, select: dayOnly })),
    db.historyEvent
      .findFirst({ where: after, orderBy: earliestFirst, select: dayOnly })
      .then((found) => found ?? db.historyEvent.findFirst({ where: notThisDay, orderBy: earliestFirst, select: dayOnly })),
  ]);
  return { previous, next };
}

/** Whether anything is recorded for a calendar day: an article links the day it was published only then. */
export async function hasHistoryOn({ month, day }: MonthDay): Promise<boolean> {
  tagPage(tags.history);
  return (await db.historyEvent.count({ where: { month, day } })) > 0;
}
