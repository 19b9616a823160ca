import { z } from "zod";
import { MAX_ID, recordId, wholeNumber } from "@/lib/validation";
import { SLUG_PATTERN } from "@/lib/slugs";

// Shared by the article editor (its browser-side check), its server actions and
// the JSON API under /api/admin/articles: one definition of a valid article.

const id = recordId("Choose one.");
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** Tags as typed: "physics, light, everyday science" → ["physics", "light", "everyday science"]. */
const tagList = z
  .union([z.string().max(500, "Keep the tags under 500 characters."), z.array(z.string().max(60))])
  .optional()
  .transform((value) =>
    [
      ...new Set(
        (Array.isArray(value) ? value : (value ?? "").split(","))
          .map((tag) => tag.trim().replace(/\s+/g, " "))
          .filter((tag) => tag.length > 0),
      ),
    ].slice(0, 20),
  );

/** The fields an editor writes; everything a revision keeps. */
export const articleFieldsSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(200, "Keep the title under 200 characters."),
  summary: z.string().trim().min(1, "Write a one- or two-sentence summary.").max(500, "Keep the summary under 500 characters."),
  body: z.string().min(1, "Write the article.").max(200_000, "The article must be under 200,000 characters."),
  categoryId: id,
  tags: tagList,
  authorId: id,
  /** Only read once the article has been published: until then the slug follows the title. */
  slug: z
    .string()
    .trim()
    .max(80, "Keep the address under 80 characters.")
    .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "Use lower-case letters, digits and single hyphens only.")
    .optional(),
  /** "Record me as editor": the person saving becomes the article's "Edited By". */
  recordAsEditor: checkbox,
});
export type ArticleFields = z.output<typeof articleFieldsSchema>;

/** What the editor's buttons do, besides saving the text. */
export const SAVE_INTENTS = ["save", "publish", "schedule", "unpublish"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];

const revisionNumber = wholeNumber(
  z
    .number({ error: "Name a revision by its number." })
    .int("Name a revision by its number.")
    .min(0, "Name a revision by its number.")
    .max(2_147_483_647, "There is no revision with that number."),
);

/** A save of an existing article: its fields, what to do, and the revision the editor started from. */
export const saveArticleSchema = articleFieldsSchema.extend({
  articleId: id,
  baseRevision: revisionNumber,
  intent: z.enum(SAVE_INTENTS).default("save"),
  /** When to publish (intent "schedule"): an ISO time, as the editor's script sends it, or the site's wall-clock "YYYY-MM-DDTHH:MM". */
  publishAt: z.string().trim().max(40).optional(),
});
export type SaveArticleInput = z.output<typeof saveArticleSchema>;

export const articleRefSchema = z.object({ articleId: id });

/** Restoring an old revision is a new save: it must start from the latest one too. */
export const restoreRevisionSchema = z.object({
  articleId: id,
  number: recordId("Name a revision by its number."),
  baseRevision: revisionNumber,
});

/** The editor's unsaved text, kept by autosave. */
export const autosaveSchema = z.object({
  articleId: id,
  baseRevision: revisionNumber,
  draft: z.object({
    title: z.string().max(200),
    summary: z.string().max(500),
    body: z.string().max(200_000),
    tags: z.string().max(500).optional(),
    slug: z.string().max(80).optional(),
  }),
});
export type AutosaveInput = z.output<typeof autosaveSchema>;

/** The fields a revision keeps besides its title, summary and body (ArticleRevision.fields). */
export const revisionFieldsSchema = z.object({
  slug: z.string(),
  categoryId: z.number().int(),
  tags: z.array(z.string()),
  authorId: z.number().int(),
  editorId: z.number().int().nullable(),
  status: z.string().optional(),
});
export type RevisionFields = z.infer<typeof revisionFieldsSchema>;

export const ARTICLE_STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED"] as const;

/** The back office's article list: filters and paging, from the query string or the API. */
export const articleListSchema = z.object({
  status: z
    .enum([...ARTICLE_STATUSES, "DELETED"])
    .optional()
    .catch(undefined),
  categoryId: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  authorId: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ArticleListQuery = z.output<typeof articleListSchema>;

export const previewSchema = z.object({ body: z.string().max(200_000, "The article must be under 200,000 characters.") });

/** Two revisions to compare: `?from=3&to=5`. */
export const compareQuerySchema = z.object({
  from: recordId("Name the older revision."),
  to: recordId("Name the newer revision."),
});

/** Largest JSON body the article endpoints accept: a 200,000-character article, escaped, fits. */
export const MAX_ARTICLE_JSON_BYTES = 1024 * 1024;
