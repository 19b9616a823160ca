import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { MAX_ID } from "@/lib/validation";
import { tagPage, tags } from "@/lib/cache";
import { publishedWhere } from "./queries";

/**
 * Short links for paper (the print view): `/a/<id>` is quick to type from a
 * printout and, unlike the slug, survives a rename. It answers 301 to the
 * article's current address.
 */
export function shortLinkPath(articleId: number): string {
  return `/a/${articleId}`;
}

/** The `<id>` of a short link: digits only, within the range of an id on either database. */
export const shortLinkId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((id) => id <= MAX_ID);

/** The current slug of the published article with this id, or null. Tagged like the article, so the redirect follows a rename. */
export async function findSlugForShortLink(articleId: number): Promise<string | null> {
  tagPage(tags.articles);
  const article = await db.article.findFirst({ where: { id: articleId, ...publishedWhere }, select: { id: true, slug: true } });
  if (!article) return null;
  tagPage(tags.article(article.id));
  return article.slug;
}
