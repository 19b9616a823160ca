import { z } from "zod";
import { recordId } from "@/lib/validation";
import { chosenSlugField } from "@/lib/slugs";

// Shared by the back office's category forms (their browser-side check), their
// server actions and /api/admin/categories: one definition of a valid category.

const id = recordId("Choose a category.");

export const categoryFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give the category a name.").max(60, "Keep the name under 60 characters."),
  /** Its page's address, /categories/<slug>; empty makes one from the name. */
  slug: chosenSlugField,
  description: z.string().trim().max(500, "Keep the description under 500 characters.").optional().default(""),
});
export type CategoryFields = z.output<typeof categoryFieldsSchema>;

export const categoryUpdateSchema = categoryFieldsSchema.extend({ id });
export const categoryRefSchema = z.object({ id });
