import { z } from "zod";
import { recordId } from "@/lib/validation";
import { chosenSlugField } from "@/lib/slugs";

// Shared by the back office's fact forms, their server actions and /api/admin/facts.

const id = recordId("Choose a fact.");

export const factFieldsSchema = z.object({
  title: z.string().trim().min(1, "Give the fact a title.").max(200, "Keep the title under 200 characters."),
  /** Its page's address, /facts/<slug>; empty makes one from the title. */
  slug: chosenSlugField,
  /** The sidebar shows it as "Did you know…": one sentence. */
  summary: z
    .string()
    .trim()
    .min(1, "Write the one sentence the sidebar shows.")
    .max(300, "Keep the summary to one sentence, under 300 characters."),
  body: z.string().trim().min(1, "Write the fact's page.").max(20_000, "Keep the page under 20,000 characters."),
});
export type FactFields = z.output<typeof factFieldsSchema>;

export const factUpdateSchema = factFieldsSchema.extend({ id });
export const factRefSchema = z.object({ id });
