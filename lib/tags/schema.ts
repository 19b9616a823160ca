import { z } from "zod";
import { recordId } from "@/lib/validation";
import { chosenSlugField } from "@/lib/slugs";

// Shared by the back office's tag forms, their server actions and /api/admin/tags.

const id = recordId("Choose a tag.");

export const tagFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give the tag a name.").max(60, "Keep the name under 60 characters."),
  /** Empty makes one from the name, as the article editor does for a new tag. */
  slug: chosenSlugField,
});
export type TagFields = z.output<typeof tagFieldsSchema>;

export const tagUpdateSchema = tagFieldsSchema.extend({ id });
export const tagRefSchema = z.object({ id });

export const TAGS_PER_PAGE = 50;

/** The back office's tag list: `?q=&page=`. */
export const tagListSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type TagListQuery = z.output<typeof tagListSchema>;
