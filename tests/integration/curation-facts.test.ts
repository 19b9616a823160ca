import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache";
import { Conflict, NotFound, ValidationError } from "@/lib/errors";
import { getFact, listFacts } from "@/lib/facts/queries";
import { createFact, deleteFact, updateFact } from "@/lib/facts/curation";
import { factFieldsSchema } from "@/lib/facts/schema";
import { parseInput } from "@/lib/validation";
import { uniqueName } from "../helpers/factories";
import { actor, auditSince, lastAuditId, recordInvalidations } from "../helpers/curation";

// "Did you know" facts as editors write them, and the public fact pages.

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
  parseInput(factFieldsSchema, {
    title: `Honey never spoils ${uniqueName("")}`,
    summary: "Sealed honey found in ancient tombs was still edible.",
    body: "Honey is **acidic** and low in water.",
    ...input,
  });

describe("a fact", () => {
  it("added, is on the facts page and its own page at once, and in the audit log", async () => {
    const since = await lastAuditId();
    const fact = await createFact(editor, fields());
    expect(fact.slug).toMatch(/^honey-never-spoils-[0-9a-f]{8}$/);
    expect((await listFacts()).map((f) => f.slug)).toContain(fact.slug);
    expect(await getFact(fact.slug)).toMatchObject({ title: fact.title, body: "Honey is **acidic** and low in water." });
    expect(cache.invalidated).toEqual([[tags.facts]]);
    expect(await auditSince(since)).toMatchObject([{ action: "fact.create", subjectType: "fact", subjectId: fact.id }]);
  });

  it("edited, moves to its new address and the log names the fields changed", async () => {
    const fact = await createFact(editor, fields());
    const since = await lastAuditId();
    const slug = uniqueName("honey-");
    await updateFact(editor, fact.id, fields({ title: fact.title, slug, summary: "Honey keeps for thousands of years." }));
    expect(await getFact(fact.slug)).toBeNull();
    expect(await getFact(slug)).toMatchObject({ summary: "Honey keeps for thousands of years." });
    const [entry] = await auditSince(since);
    expect(entry).toMatchObject({ action: "fact.update", summary: `Edited the fact “${fact.title}” (slug, summary).` });
  });

  it("is refused an address another fact has, and one missing its sidebar sentence, changing nothing", async () => {
    const taken = await createFact(editor, fields());
    const before = { facts: await db.fact.count(), audit: await db.auditEvent.count() };
    await expect(createFact(editor, fields({ slug: taken.slug }))).rejects.toThrow(Conflict);
    expect(() => fields({ summary: " " })).toThrow(ValidationError);
    expect({ facts: await db.fact.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("deleted, is gone from the public pages; deleting it again is a 'not found'", async () => {
    const fact = await createFact(editor, fields());
    await deleteFact(editor, fact.id);
    expect(await getFact(fact.slug)).toBeNull();
    await expect(deleteFact(editor, fact.id)).rejects.toThrow(NotFound);
  });
});
