import { z } from "zod";

/** The address form of a title: "Why Is the Sky Blue?" → "why-is-the-sky-blue". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** What an address slug may be: lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An address a person may choose in a form: empty means "make it from the
 * name" (the job does that, since only it knows the name's slug is free).
 */
export const chosenSlugField = z
  .string()
  .trim()
  .max(80, "Keep the address under 80 characters.")
  .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "Use lower-case letters, digits and single hyphens only.")
  .optional()
  .transform((slug) => slug ?? "");
