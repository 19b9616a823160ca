import "server-only";
import { db, type Tx } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { formatDateTime, fromSiteWallClock } from "@/lib/calendar";
import { Conflict, NotFound, ValidationError, type FieldErrors } from "@/lib/errors";
import { slugify } from "@/lib/slugs";
import { recordAuditEvent } from "@/lib/audit/events";
import type { Actor } from "@/lib/moderation/permissions";
import { assertCanEdit, type Staff } from "./permissions";
import type { ArticleFields, RevisionFields, SaveArticleInput, SaveIntent } from "./schema";
import { checkChosenSlug, recordSlugChange, slugForTitle } from "./slugs";
import { missingAltText } from "./images-in-text";
import { editableArticleSelect } from "./queries";

/** Who holds the copyright of an article written in the back office. */
export const DEFAULT_COPYRIGHT = "Quire Editorial Team";

type Stored = NonNullable<Awaited<ReturnType<typeof loadForUpdate>>>;

function loadForUpdate(tx: Tx, articleId: number) {
  return tx.article.findUnique({ where: { id: articleId }, select: editableArticleSelect });
}

export type SavedArticle = { id: number; slug: string; status: Stored["status"]; revision: number; publishedAt: Date | null };

/** The fields a revision keeps besides the text. */
function revisionFields(article: Pick<Stored, "slug" | "categoryId" | "authorId" | "editorId" | "status">, tagNames: string[]) {
  return {
    slug: article.slug,
    categoryId: article.categoryId,
    tags: tagNames,
    authorId: article.authorId,
    editorId: article.editorId,
    status: article.status,
  } satisfies RevisionFields;
}

/** Refuses a category or person that does not exist, by field, instead of a foreign-key failure. */
async function checkReferences(tx: Tx, fields: Pick<ArticleFields, "categoryId" | "authorId">) {
  const problems: FieldErrors = {};
  if (!(await tx.category.findUnique({ where: { id: fields.categoryId }, select: { id: true } }))) {
    problems.categoryId = ["Choose one of the categories."];
  }
  if (!(await tx.user.findUnique({ where: { id: fields.authorId }, select: { id: true } }))) {
    problems.authorId = ["Choose one of the people listed."];
  }
  if (Object.keys(problems).length > 0) throw new ValidationError("Please correct the highlighted fields.", problems);
}

/** Pictures without alt text are refused: every reader who cannot see them must be told what they show. */
function checkAltText(body: string) {
  const missing = missingAltText(body);
  if (missing.length > 0) {
    throw new ValidationError("Please correct the highlighted fields.", {
      body: [`Every picture needs alt text (a description in the [brackets]): ${missing.join(", ")}.`],
    });
  }
}

/**
 * Tag names to ids: a tag of that very name, else the tag at the address the
 * name makes, created if there is none. A name with no letter or digit to
 * make an address from ("部落格") is refused, never silently dropped: the
 * editor can create it under Tags with an address of its own, then use it.
 */
async function tagIds(tx: Tx, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  const addressless: string[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const tag =
      (await tx.tag.findFirst({ where: { name }, select: { id: true } })) ??
      (slug ? await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } }) : null);
    if (!tag) addressless.push(name);
    else if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  if (addressless.length > 0) {
    const message =
      `${addressless.map((name) => `“${name}”`).join(", ")} ${addressless.length === 1 ? "has" : "have"} no letters a–z or digits ` +
      "to make a tag's address from: create the tag under Tags with an address of its own first, then use its name here.";
    throw new ValidationError(message, { tags: [message] });
  }
  return ids;
}

async function replaceTags(tx: Tx, articleId: number, names: string[]) {
  const ids = await tagIds(tx, names);
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (ids.length > 0) await tx.articleTag.createMany({ data: ids.map((tagId) => ({ articleId, tagId })) });
}

async function addRevision(tx: Tx, article: Stored, number: number, event: string, savedById: number, tagNames: string[]) {
  await tx.articleRevision.create({
    data: {
      articleId: article.id,
      number,
      title: article.title,
      summary: article.summary,
      body: article.body,
      fields: JSON.stringify(revisionFields(article, tagNames)),
      event,
      savedById,
    },
  });
}

/** A new article: a draft whose address follows its title. Its first revision is this save. */
export async function createArticle(actor: Actor, fields: ArticleFields): Promise<SavedArticle> {
  const staff = assertCanEdit(actor);
  checkAltText(fields.body);
  const created = await db.$transaction(async (tx) => {
    await checkReferences(tx, fields);
    const article = await tx.article.create({
      data: {
        slug: await slugForTitle(tx, fields.title, null),
        title: fields.title,
        summary: fields.summary,
        body: fields.body,
        categoryId: fields.categoryId,
        authorId: fields.authorId,
        editorId: fields.recordAsEditor && staff.id !== fields.authorId ? staff.id : null,
        copyrightHolder: DEFAULT_COPYRIGHT,
        revision: 1,
      },
      select: editableArticleSelect,
    });
    await replaceTags(tx, article.id, fields.tags);
    await addRevision(tx, article, 1, "create", staff.id, fields.tags);
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "article.create",
      subjectType: "article",
      subjectId: article.id,
      summary: `Started the draft “${article.title}”.`,
    });
    return article;
  });
  // A draft is on no public page, but a cached 404 at its future address may be.
  pagesChanged(changed.article(created.id));
  return {
    id: created.id,
    slug: created.slug,
    status: created.status,
    revision: created.revision,
    publishedAt: created.publishedAt,
  };
}

/**
 * Refuses a save that was not based on the latest revision, naming who saved
 * since and when: nothing is overwritten silently. The editor keeps the text.
 */
async function refuseStale(tx: Tx, article: Stored, baseRevision: number): Promise<never> {
  const latest = await tx.articleRevision.findFirst({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, savedBy: { select: { username: true } } },
  });
  const who = latest ? `${latest.savedBy.username} saved it on ${formatDateTime(latest.createdAt)}` : "someone saved it";
  throw new Conflict(
    `Not saved: ${who} (revision ${latest?.number ?? article.revision}), after the version you started from (revision ${baseRevision}). ` +
      "Your text is still here: copy what you need, reload the editor to see their version, and apply your changes to it.",
  );
}

/** When a scheduled article is to appear: an ISO moment (the editor's script) or the site's wall clock (no script). */
function publishMoment(text: string | undefined, now: Date): Date {
  const refuse = (message: string) => new ValidationError("Please correct the highlighted fields.", { publishAt: [message] });
  if (!text) throw refuse("Choose when to publish.");
  const moment = /[zZ]|[+-]\d\d:\d\d$/.test(text) ? new Date(text) : fromSiteWallClock(text);
  if (!moment || Number.isNaN(moment.getTime())) throw refuse("That is not a date and time.");
  if (moment.getTime() <= now.getTime()) throw refuse("Choose a time in the future, or publish now.");
  return moment;
}

const STATUS_AFTER: Record<SaveIntent, Stored["status"] | null> = {
  save: null,
  publish: "PUBLISHED",
  schedule: "SCHEDULED",
  unpublish: "DRAFT",
};

const EVENT_WORDS: Record<SaveIntent, string> = {
  save: "Saved",
  publish: "Published",
  schedule: "Scheduled",
  unpublish: "Unpublished",
};

/** Whether readers have seen the article at its address: then its slug is fixed unless an editor changes it, and old ones redirect. */
function hasBeenPublic(article: Pick<Stored, "status" | "publishedAt">): boolean {
  return article.status === "PUBLISHED" || (article.status === "DRAFT" && article.publishedAt !== null);
}

/**
 * Saves an article from the editor, as one new revision, and publishes,
 * schedules or unpublishes it if asked. Refused if the editor started from an
 * older revision than the latest. "Last Modified Date" (updatedAt) moves when
 * readers get new text: a publication, or an edit of the published title,
 * summary or body. Every cached page showing the article is dropped before
 * this returns.
 */
export async function saveArticle(
  actor: Actor,
  input: SaveArticleInput,
  { event = input.intent as string }: { event?: string } = {},
): Promise<SavedArticle> {
  const staff = assertCanEdit(actor);
  checkAltText(input.body);
  const now = new Date();
  const publishAt = input.intent === "schedule" ? publishMoment(input.publishAt, now) : null;
  const saved = await db.$transaction(async (tx) => {
    const article = await loadForUpdate(tx, input.articleId);
    if (!article || article.deletedAt) throw new NotFound("That article does not exist, or it is in the bin.");
    if (article.revision !== input.baseRevision) await refuseStale(tx, article, input.baseRevision);
    await checkReferences(tx, input);

    const status = STATUS_AFTER[input.intent] ?? article.status;
    const wasPublic = hasBeenPublic(article);
    const slug = wasPublic
      ? input.slug
        ? await checkChosenSlug(tx, input.slug, article.id)
        : article.slug
      : await slugForTitle(tx, input.title, article.id);
    const textChanged = input.title !== article.title || input.summary !== article.summary || input.body !== article.body;
    const becomesPublic = status === "PUBLISHED" && article.status !== "PUBLISHED";
    const publishedAt = publishAt ?? (becomesPublic ? now : article.publishedAt);
    const updatedAt = becomesPublic || (status === "PUBLISHED" && textChanged) ? now : article.updatedAt;
    const revision = article.revision + 1;

    const next = await tx.article.update({
      where: { id: article.id },
      data: {
        slug,
        title: input.title,
        summary: input.summary,
        body: input.body,
        categoryId: input.categoryId,
        authorId: input.authorId,
        editorId: input.recordAsEditor && staff.id !== input.authorId ? staff.id : article.editorId,
        status,
        publishedAt,
        updatedAt,
        revision,
      },
      select: editableArticleSelect,
    });
    if (wasPublic) await recordSlugChange(tx, article.id, article.slug, slug);
    await replaceTags(tx, article.id, input.tags);
    await addRevision(tx, next, revision, event, staff.id, input.tags);
    await tx.articleAutosave.deleteMany({ where: { articleId: article.id, userId: staff.id } });
    if (input.intent !== "save" || slug !== article.slug) {
      await recordAuditEvent(tx, {
        actorId: staff.id,
        action: `article.${input.intent}`,
        subjectType: "article",
        subjectId: article.id,
        summary:
          `${EVENT_WORDS[input.intent]} “${next.title}”` +
          (publishAt ? ` for ${formatDateTime(publishAt)}` : "") +
          (slug !== article.slug ? ` (address /articles/${article.slug} → /articles/${slug})` : "") +
          ".",
        before: { status: article.status, slug: article.slug },
        after: { status, slug },
      });
    }
    return next;
  });
  pagesChanged(changed.article(saved.id));
  return { id: saved.id, slug: saved.slug, status: saved.status, revision: saved.revision, publishedAt: saved.publishedAt };
}

/** Moves an article to the bin: off every public page (it becomes a draft), restorable, nothing lost. */
export async function deleteArticle(actor: Actor, articleId: number): Promise<void> {
  const staff = assertCanEdit(actor);
  await db.$transaction(async (tx) => {
    const article = await loadForUpdate(tx, articleId);
    if (!article || article.deletedAt) throw new NotFound("That article does not exist, or it is already in the bin.");
    await tx.article.update({ where: { id: articleId }, data: { deletedAt: new Date(), status: "DRAFT" } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "article.delete",
      subjectType: "article",
      subjectId: articleId,
      summary: `Moved “${article.title}” to the bin.`,
      before: { status: article.status },
      after: { status: "DRAFT", deleted: true },
    });
  });
  pagesChanged(changed.article(articleId));
}

/** Takes an article out of the bin, as a draft: publishing it again is a separate, deliberate step. */
export async function restoreArticle(actor: Actor, articleId: number): Promise<void> {
  const staff = assertCanEdit(actor);
  await db.$transaction(async (tx) => {
    const article = await loadForUpdate(tx, articleId);
    if (!article?.deletedAt) throw new NotFound("That article is not in the bin.");
    await tx.article.update({ where: { id: articleId }, data: { deletedAt: null } });
    await recordAuditEvent(tx, {
      actorId: staff.id,
      action: "article.restore",
      subjectType: "article",
      subjectId: articleId,
      summary: `Took “${article.title}” out of the bin, as a draft.`,
    });
  });
  pagesChanged(changed.article(articleId));
}

export type { Staff };
