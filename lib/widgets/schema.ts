import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/slugs";

/** Longest category slug the editor makes (lib/slugs.ts `slugify`). */
const SLUG_MAX = 80;

/**
 * The "Latest articles" embed's query: `?category=<slug>`, or nothing for
 * every category. An empty value means every category; anything that cannot
 * be a slug is simply no category of ours, which the embed says with a 404.
 */
export const latestWidgetQuery = z.object({
  category: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().max(SLUG_MAX).regex(SLUG_PATTERN, "Not a category address").optional())
    .optional(),
});

export type LatestWidgetQuery = z.output<typeof latestWidgetQuery>;

/** The query of an embed's URL as the schema takes it: each parameter's first value. */
export function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] ??= value;
  return query;
}
