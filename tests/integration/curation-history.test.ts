import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache";
import { Conflict, ValidationError } from "@/lib/errors";
import { listEventsOn } from "@/lib/history/queries";
import { createHistoryEvent, deleteHistoryEvent, updateHistoryEvent } from "@/lib/history/curation";
import { historyEventFieldsSchema } from "@/lib/history/schema";
import { parseInput } from "@/lib/validation";
import { uniqueName } from "../helpers/factories";
import { actor, auditSince, lastAuditId, recordInvalidations } from "../helpers/curation";

// "This day in history" events as editors write them, and the public day pages.

let editor: Awaited<ReturnType<typeof actor>>;
let cache: ReturnType<typeof recordInvalidations>;

beforeAll(async () => {
  editor = await actor("EDITOR");
});
beforeEach(() => {
  cache = recordInvalidations();
});
afterEach(() => cache.stop());

const fields = (input: Record<string, unknown> = {}) =>
  parseInput(historyEventFieldsSchema, {
    month: "7",
    day: "20",
    year: "1969",
    title: `Apollo 11 lands ${uniqueName("")}`,
    text: "Two astronauts walked on the Moon.",
    ...input,
  });

function fieldErrors(input: Record<string, unknown>) {
  try {
    fields(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  return {};
}

describe("a history event", () => {
  it("added, is on its day's page at once, and in the audit log with its date", async () => {
    const since = await lastAuditId();
    const event = await createHistoryEvent(editor, fields());
    expect((await listEventsOn({ month: 7, day: 20 })).map((e) => e.title)).toContain(event.title);
    expect(cache.invalidated).toEqual([[tags.history]]);
    expect(await auditSince(since)).toMatchObject([
      { action: "history.create", subjectId: event.id, summary: `Added “${event.title}” to July 20, 1969.` },
    ]);
  });

  it("must fall on a real calendar day: February 29 is one, February 30 and April 31 are not", async () => {
    expect(fieldErrors({ month: "2", day: "30" })).toEqual({ day: ["February has no day 30."] });
    expect(fieldErrors({ month: "4", day: "31" })).toEqual({ day: ["April has no day 31."] });
    expect(fieldErrors({ month: "13", day: "0", year: "soon" })).toMatchObject({
      month: ["Choose a month."],
      day: ["Enter a day from 1 to 31."],
      year: [expect.stringContaining("number")],
    });
    expect(fieldErrors({ year: String(new Date().getUTCFullYear() + 1) })).toEqual({
      year: ["Enter this year or an earlier one."],
    });
    const leap = await createHistoryEvent(editor, fields({ month: "2", day: "29", year: "1504" }));
    expect((await listEventsOn({ month: 2, day: 29 })).map((e) => e.id)).toContain(leap.id);
  });

  it("is refused twice on the same day, year and title, and nothing is written", async () => {
    const event = await createHistoryEvent(editor, fields());
    const before = { events: await db.historyEvent.count(), audit: await db.auditEvent.count() };
    await expect(createHistoryEvent(editor, fields({ title: event.title }))).rejects.toThrow(Conflict);
    expect({ events: await db.historyEvent.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("moved to another day leaves the old day's page for the new one; deleted, it is gone", async () => {
    const event = await createHistoryEvent(editor, fields());
    const since = await lastAuditId();
    await updateHistoryEvent(editor, event.id, fields({ title: event.title, month: "7", day: "21" }));
    expect((await listEventsOn({ month: 7, day: 20 })).map((e) => e.id)).not.toContain(event.id);
    expect((await listEventsOn({ month: 7, day: 21 })).map((e) => e.id)).toContain(event.id);
    await deleteHistoryEvent(editor, event.id);
    expect((await listEventsOn({ month: 7, day: 21 })).map((e) => e.id)).not.toContain(event.id);
    expect((await auditSince(since)).map((entry) => entry.summary)).toEqual([
      `Edited “${event.title}” and moved it from July 20, 1969 to July 21, 1969.`,
      `Deleted “${event.title}” from July 21, 1969.`,
    ]);
  });
});
