import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthenticationRequired, Forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { createArticle, deleteArticle, restoreArticle, saveArticle } from "@/lib/editorial/articles";
import { autosaveArticle, discardAutosave } from "@/lib/editorial/autosave";
import { editorChoices, getArticleForEditing, getArticleForPreview, listArticlesForEditors } from "@/lib/editorial/queries";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/editorial/revisions";
import { renderArticlePreview } from "@/lib/editorial/preview";
import { listAuditEvents } from "@/lib/audit/events";
import { articleFieldsSchema } from "@/lib/editorial/schema";
import { createUser, uniqueName } from "../helpers/factories";

// Every editorial function checks the actor itself, whoever calls it (page,
// server action, route): called here with everyone who must be refused, and
// nothing may change.

let article: { id: number; revision: number };
let people: [string, Actor, typeof AuthenticationRequired | typeof Forbidden][];
let fields: ReturnType<typeof articleFieldsSchema.parse>;

beforeAll(async () => {
  const editor = await createUser(db, { role: "EDITOR" });
  const reader = await createUser(db, { role: "READER" });
  const moderator = await createUser(db, { role: "MODERATOR" });
  const category = await db.category.create({ data: { slug: uniqueName("cat-"), name: "Things" } });
  fields = articleFieldsSchema.parse({
    title: "A guarded article",
    summary: "Summary.",
    body: "Body.",
    categoryId: category.id,
    authorId: editor.id,
  });
  article = await createArticle({ id: editor.id, role: "EDITOR" }, fields);
  people = [
    ["a guest", null, AuthenticationRequired],
    ["a reader", { id: reader.id, role: "READER" }, Forbidden],
    ["a moderator", { id: moderator.id, role: "MODERATOR" }, Forbidden],
  ];
});

async function everything() {
  return {
    articles: await db.article.findMany({ orderBy: { id: "asc" } }),
    revisions: await db.articleRevision.count(),
    autosaves: await db.articleAutosave.count(),
    slugs: await db.articleSlug.count(),
    audit: await db.auditEvent.count(),
  };
}

const jobs: [string, (actor: Actor) => unknown][] = [
  ["list articles", (actor) => listArticlesForEditors(actor, { page: 1 })],
  ["open the editor", (actor) => getArticleForEditing(actor, article.id)],
  ["see the editor's menus", (actor) => editorChoices(actor)],
  ["preview", (actor) => getArticleForPreview(actor, article.id)],
  ["render a live preview", (actor) => renderArticlePreview(actor, "text")],
  ["create", (actor) => createArticle(actor, fields)],
  ["save", (actor) => saveArticle(actor, { ...fields, articleId: article.id, baseRevision: article.revision, intent: "save" })],
  [
    "publish",
    (actor) => saveArticle(actor, { ...fields, articleId: article.id, baseRevision: article.revision, intent: "publish" }),
  ],
  ["move to the bin", (actor) => deleteArticle(actor, article.id)],
  ["restore from the bin", (actor) => restoreArticle(actor, article.id)],
  [
    "autosave",
    (actor) => autosaveArticle(actor, { articleId: article.id, baseRevision: 1, draft: { title: "x", summary: "x", body: "x" } }),
  ],
  ["discard an autosave", (actor) => discardAutosave(actor, article.id)],
  ["list revisions", (actor) => listRevisions(actor, article.id)],
  ["compare revisions", (actor) => compareRevisions(actor, article.id, 1, 1)],
  ["restore a revision", (actor) => restoreRevision(actor, { articleId: article.id, number: 1, baseRevision: article.revision })],
  ["read the audit trail", (actor) => listAuditEvents(actor)],
];

describe("every editorial job", () => {
  it("is refused to guests (401), readers and moderators (403), changing nothing", async () => {
    const before = await everything();
    let refusals = 0;
    for (const [who, actor, refusal] of people) {
      for (const [job, run] of jobs) {
        await expect(
          Promise.resolve().then(() => run(actor)),
          `${job} as ${who}`,
        ).rejects.toThrow(refusal);
        refusals++;
      }
    }
    expect(refusals).toBe(people.length * jobs.length);
    expect(await everything()).toEqual(before);
  });
});
