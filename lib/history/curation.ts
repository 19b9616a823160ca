import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound } from "@/lib/errors";
import { formatMonthDayName } from "@/lib/calendar";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanEdit } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import type { HistoryEventFields } from "./schema";

// The back office's "this day in history" writes: actor checked first, audit
// entry in the same transaction, the history pages and the sidebar named after commit.

const select = { id: true, month: true, day: true, year: true, title: true, text: true } as const;
type HistoryEvent = HistoryEventFields & { id: number };

const dateOf = (event: Pick<HistoryEvent, "month" | "day" | "year">) => `${formatMonthDayName(event)}, ${event.year}`;

/** One day's events are told apart by year and title (the table's unique key): refused by field, not by a failed insert. */
async function assertNotTwice(tx: Tx, fields: HistoryEventFields, id: number | null) {
  const same = await tx.historyEvent.findUnique({
    where: { month_day_year_title: { month: fields.month, day: fields.day, year: fields.year, title: fields.title } },
    select: { id: true },
  });
  if (same && same.id !== id) {
    throw new Conflict(`“${fields.title}” is already listed for ${dateOf(fields)}.`, {
      title: ["That day already has an event with this title in this year. Edit that one, or change the title."],
    });
  }
}

export async function createHistoryEvent(actor: Actor, fields: HistoryEventFields): Promise<HistoryEvent> {
  const staff = assertCanEdit(actor);
  const created = await db.$transaction(async (tx) => {
    await assertNotTwice(tx, fields, null);
    const event = await tx.historyEvent.create({ data: fields, select });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "history.create",
      subjectType: "history",
      subjectId: event.id,
      summary: `Added “${event.title}” to ${dateOf(event)}.`,
      after: event,
    });
    return event;
  });
  pagesChanged(changed.history());
  return created;
}

export async function updateHistoryEvent(actor: Actor, id: number, fields: HistoryEventFields): Promise<HistoryEvent> {
  const staff = assertCanEdit(actor);
  const { event, wasChanged } = await db.$transaction(async (tx) => {
    const before = await tx.historyEvent.findUnique({ where: { id }, select });
    if (!before) throw new NotFound("We could not find that event. It may have been deleted.");
    const after = { id, ...fields };
    const edited = (Object.keys(fields) as (keyof HistoryEventFields)[]).filter((key) => before[key] !== after[key]);
    if (edited.length === 0) return { event: before, wasChanged: false };
    await assertNotTwice(tx, fields, id);
    await tx.historyEvent.update({ where: { id }, data: fields });
    const moved = before.month !== after.month || before.day !== after.day || before.year !== after.year;
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "history.update",
      subjectType: "history",
      subjectId: id,
      summary: moved
        ? `Edited “${after.title}” and moved it from ${dateOf(before)} to ${dateOf(after)}.`
        : `Edited “${after.title}” on ${dateOf(after)} (${edited.join(", ")}).`,
      before,
      after,
    });
    return { event: after, wasChanged: true };
  });
  if (wasChanged) pagesChanged(changed.history());
  return event;
}

export async function deleteHistoryEvent(actor: Actor, id: number): Promise<HistoryEvent> {
  const staff = assertCanEdit(actor);
  const deleted = await db.$transaction(async (tx) => {
    const event = await tx.historyEvent.findUnique({ where: { id }, select });
    if (!event) throw new NotFound("We could not find that event. It may have been deleted.");
    await tx.historyEvent.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "history.delete",
      subjectType: "history",
      subjectId: id,
      summary: `Deleted “${event.title}” from ${dateOf(event)}.`,
      before: event,
    });
    return event;
  });
  pagesChanged(changed.history());
  return deleted;
}
