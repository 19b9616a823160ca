import "server-only";
import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/slugs";

/** Whether `slug` is free for article `articleId`: no other article has it now or had it before. */
async function slugIsFree(tx: Tx, slug: string, articleId: number | null): Promise<boolean> {
  const current = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (current && current.id !== articleId) return false;
  const old = await tx.articleSlug.findUnique({ where: { slug }, select: { articleId: true } });
  return !old || old.articleId === articleId;
}

/**
 * The slug of a title, made unique with "-2", "-3"...: an article's address
 * while it follows its title (before it is first published).
 */
export async function slugForTitle(tx: Tx, title: string, articleId: number | null): Promise<string> {
  const base = slugify(title) || "article";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await slugIsFree(tx, candidate, articleId)) return candidate;
  }
}

/** A slug an editor chose for a published article: refused with a sentence if another article has or had it. */
export async function checkChosenSlug(tx: Tx, slug: string, articleId: number): Promise<string> {
  if (await slugIsFree(tx, slug, articleId)) return slug;
  throw new ValidationError("Please correct the highlighted fields.", {
    slug: ["Another article has (or used to have) that address. Choose a different one."],
  });
}

/**
 * Moves an article from `from` to `to`, keeping `from` as an old address that
 * answers 301 to the current one, and giving back `to` if it was one of the
 * article's own old addresses.
 */
export async function recordSlugChange(tx: Tx, articleId: number, from: string, to: string): Promise<void> {
  if (from === to) return;
  await tx.articleSlug.deleteMany({ where: { slug: to, articleId } });
  await tx.articleSlug.upsert({ where: { slug: from }, create: { slug: from, articleId }, update: { articleId } });
}
