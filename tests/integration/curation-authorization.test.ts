import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthenticationRequired, Forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { createCategory, deleteCategory, updateCategory } from "@/lib/categories/curation";
import { getCategoryForEditing, listCategoriesForEditors } from "@/lib/categories/queries";
import { createTag, deleteTag, updateTag } from "@/lib/tags/curation";
import { getTagForEditing, listTagsForEditors } from "@/lib/tags/queries";
import { createFact, deleteFact, updateFact } from "@/lib/facts/curation";
import { getFactForEditing, listFactsForEditors } from "@/lib/facts/queries";
import { createHistoryEvent, deleteHistoryEvent, updateHistoryEvent } from "@/lib/history/curation";
import { getHistoryEventForEditing, listEventsForEditors } from "@/lib/history/queries";
import { uniqueName } from "../helpers/factories";
import { actor } from "../helpers/curation";

// Every curation job checks the actor itself, whoever calls it (page, server
// action, route): called here by everyone who must be refused, and nothing may change.

let ids: { category: number; tag: number; fact: number; event: number };
let people: [string, Actor, typeof AuthenticationRequired | typeof Forbidden][];

beforeAll(async () => {
  const editor = await actor("EDITOR");
  ids = {
    category: (await createCategory(editor, { name: uniqueName("Cat "), slug: "", description: "" })).id,
    tag: (await createTag(editor, { name: uniqueName("tag "), slug: "" })).id,
    fact: (await createFact(editor, { title: uniqueName("Fact "), slug: "", summary: "One.", body: "Two." })).id,
    event: (await createHistoryEvent(editor, { month: 1, day: 1, year: 1900, title: uniqueName("Event "), text: "Three." })).id,
  };
  people = [
    ["a guest", null, AuthenticationRequired],
    ["a reader", await actor("READER"), Forbidden],
    ["a moderator", await actor("MODERATOR"), Forbidden],
  ];
});

async function everything() {
  return {
    categories: await db.category.findMany({ orderBy: { id: "asc" } }),
    tags: await db.tag.findMany({ orderBy: { id: "asc" } }),
    facts: await db.fact.findMany({ orderBy: { id: "asc" } }),
    events: await db.historyEvent.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count(),
  };
}

const category = { name: "Renamed", slug: "renamed", description: "" };
const tag = { name: "renamed", slug: "" };
const fact = { title: "Renamed", slug: "", summary: "S.", body: "B." };
const event = { month: 2, day: 2, year: 1901, title: "Renamed", text: "T." };

const jobs: [string, (actor: Actor) => unknown][] = [
  ["list categories", (actor) => listCategoriesForEditors(actor)],
  ["open a category", (actor) => getCategoryForEditing(actor, ids.category)],
  ["create a category", (actor) => createCategory(actor, category)],
  ["rename a category", (actor) => updateCategory(actor, ids.category, category)],
  ["delete a category", (actor) => deleteCategory(actor, ids.category)],
  ["list tags", (actor) => listTagsForEditors(actor, { page: 1 })],
  ["open a tag", (actor) => getTagForEditing(actor, ids.tag)],
  ["create a tag", (actor) => createTag(actor, tag)],
  ["rename a tag", (actor) => updateTag(actor, ids.tag, tag)],
  ["delete a tag", (actor) => deleteTag(actor, ids.tag)],
  ["list facts", (actor) => listFactsForEditors(actor)],
  ["open a fact", (actor) => getFactForEditing(actor, ids.fact)],
  ["add a fact", (actor) => createFact(actor, fact)],
  ["edit a fact", (actor) => updateFact(actor, ids.fact, fact)],
  ["delete a fact", (actor) => deleteFact(actor, ids.fact)],
  ["list a day's events", (actor) => listEventsForEditors(actor, { month: 1, day: 1 })],
  ["open an event", (actor) => getHistoryEventForEditing(actor, ids.event)],
  ["add an event", (actor) => createHistoryEvent(actor, event)],
  ["edit an event", (actor) => updateHistoryEvent(actor, ids.event, event)],
  ["delete an event", (actor) => deleteHistoryEvent(actor, ids.event)],
];

describe("every curation job", () => {
  it("is refused to guests (401), readers and moderators (403), changing nothing", async () => {
    const before = await everything();
    for (const [who, actor, refusal] of people) {
      for (const [job, run] of jobs) {
        await expect(
          Promise.resolve().then(() => run(actor)),
          `${job} as ${who}`,
        ).rejects.toThrow(refusal);
      }
    }
    expect(await everything()).toEqual(before);
  });
});
