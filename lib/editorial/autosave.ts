import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { assertCanEdit } from "./permissions";
import type { AutosaveInput } from "./schema";

/**
 * Keeps the editor's unsaved text, one copy per article and person, so a
 * closed tab, a crash or a lost connection costs at most a few seconds of
 * typing. It changes nothing readers see and makes no revision: the editor
 * offers it back the next time that person opens the article.
 */
export async function autosaveArticle(actor: Actor, input: AutosaveInput): Promise<{ savedAt: Date }> {
  const staff = assertCanEdit(actor);
  const article = await db.article.findUnique({ where: { id: input.articleId }, select: { id: true } });
  if (!article) throw new NotFound("That article does not exist.");
  const draft = JSON.stringify(input.draft);
  const savedAt = new Date();
  await db.articleAutosave.upsert({
    where: { articleId_userId: { articleId: input.articleId, userId: staff.id } },
    create: { articleId: input.articleId, userId: staff.id, baseRevision: input.baseRevision, draft, savedAt },
    update: { baseRevision: input.baseRevision, draft, savedAt },
  });
  return { savedAt };
}

/** Throws away the person's unsaved text for an article ("Discard" in the editor). */
export async function discardAutosave(actor: Actor, articleId: number): Promise<void> {
  const staff = assertCanEdit(actor);
  await db.articleAutosave.deleteMany({ where: { articleId, userId: staff.id } });
}
