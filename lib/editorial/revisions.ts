import "server-only";
import { diffLines, diffWords } from "diff";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { saveArticle, type SavedArticle } from "./articles";
import { assertCanEdit } from "./permissions";
import { revisionFieldsSchema, type RevisionFields } from "./schema";

const revisionSelect = {
  number: true,
  title: true,
  summary: true,
  body: true,
  fields: true,
  event: true,
  createdAt: true,
  savedBy: { select: { username: true } },
} as const;

/** A revision's extra fields, or null if the stored JSON is not what Quire writes. */
function fieldsOf(json: string): RevisionFields | null {
  try {
    const parsed = revisionFieldsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every revision of an article, newest first: number, what the save did, who, when. */
export async function listRevisions(actor: Actor, articleId: number) {
  assertCanEdit(actor);
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, slug: true, revision: true, status: true, deletedAt: true },
  });
  if (!article) throw new NotFound("That article does not exist.");
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, event: true, createdAt: true, title: true, savedBy: { select: { username: true } } },
  });
  return { article, revisions };
}

export type DiffPart = { value: string; added: boolean; removed: boolean };

const parts = (changes: { value: string; added: boolean; removed: boolean }[]): DiffPart[] =>
  changes.map(({ value, added, removed }) => ({ value, added, removed }));

/**
 * Two revisions side by side: the title and summary compared word by word,
 * the Markdown body line by line (the `diff` library), and the other fields
 * as before/after pairs where they differ.
 */
export async function compareRevisions(actor: Actor, articleId: number, from: number, to: number) {
  assertCanEdit(actor);
  const [older, newer] = await Promise.all(
    [from, to].map((number) =>
      db.articleRevision.findUnique({ where: { articleId_number: { articleId, number } }, select: revisionSelect }),
    ),
  );
  if (!older || !newer) throw new NotFound("One of those revisions does not exist.");
  const olderFields = fieldsOf(older.fields);
  const newerFields = fieldsOf(newer.fields);
  const changedFields = (["slug", "categoryId", "authorId", "editorId", "tags"] as const).flatMap((name) => {
    const before = JSON.stringify(olderFields?.[name] ?? null);
    const after = JSON.stringify(newerFields?.[name] ?? null);
    return before === after ? [] : [{ name, before, after }];
  });
  return {
    older,
    newer,
    title: parts(diffWords(older.title, newer.title)),
    summary: parts(diffWords(older.summary, newer.summary)),
    body: parts(diffLines(older.body, newer.body)),
    changedFields,
  };
}

/**
 * Puts an old revision's text, category, tags and author back, as a new
 * revision on top of the latest (which must be `baseRevision`, as for any
 * save): history is never rewritten. The address and the status stay.
 */
export async function restoreRevision(
  actor: Actor,
  { articleId, number, baseRevision }: { articleId: number; number: number; baseRevision: number },
): Promise<SavedArticle> {
  assertCanEdit(actor);
  const revision = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: revisionSelect,
  });
  if (!revision) throw new NotFound("That revision does not exist.");
  const current = await db.article.findUnique({
    where: { id: articleId },
    select: { slug: true, categoryId: true, authorId: true },
  });
  if (!current) throw new NotFound("That article does not exist.");
  const fields = fieldsOf(revision.fields);
  return saveArticle(
    actor,
    {
      articleId,
      baseRevision,
      intent: "save",
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      categoryId: fields?.categoryId ?? current.categoryId,
      authorId: fields?.authorId ?? current.authorId,
      tags: fields?.tags ?? [],
      slug: current.slug,
      recordAsEditor: false,
    },
    { event: `restore:${number}` },
  );
}
