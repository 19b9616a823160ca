import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { USERNAME_MAX, USERNAME_MIN } from "@/lib/accounts/limits";

/**
 * Reads the demo corpus: Markdown files with YAML front matter under
 * prisma/seed/content. Adding content means adding files; no code changes.
 */
// From the working directory (every script runs from the project root), not from
// this file: the production start runs this code bundled into .next/quire/.
export const CONTENT_DIR = path.resolve("prisma", "seed", "content");

const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a date: ${String(value)}` });
    return z.NEVER;
  }
  return date;
});
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case slug");

const categoriesFile = z.object({
  categories: z.array(z.object({ slug, name: z.string().min(1), description: z.string().default("") })).min(1),
});

const roleName = z.enum(["reader", "moderator", "editor", "admin"]);
const peopleFile = z.object({
  people: z
    .array(
      z.object({
        username: z
          .string()
          .min(USERNAME_MIN)
          .max(USERNAME_MAX)
          .regex(/^[a-z0-9_-]+$/),
        name: z.string().min(1),
        email: z.string().email(),
        role: roleName,
        bio: z.string().optional(),
      }),
    )
    .min(1),
});

const articleFront = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  category: slug,
  tags: z.array(slug).default([]),
  author: z.string(),
  editor: z.string().optional(),
  copyright: z.string().min(1),
  published: isoDate,
  updated: isoDate.optional(),
  discussion: z.enum(["open", "closed"]).default("open"),
  status: z.enum(["published", "draft"]).default("published"),
});

const discussionFile = z.object({
  posts: z.array(
    z
      .object({
        author: z.string().optional(),
        anonymous: z.boolean().default(false),
        handle: z
          .string()
          .regex(/^anon\d{2,6}$/)
          .optional(),
        at: isoDate,
        body: z.string().min(2),
        /** Demo posts that wait for a moderator, and why (shown in the moderation queue). */
        status: z.enum(["approved", "pending"]).default("approved"),
        held: z.enum(["guest", "first-post", "links", "blocked-word"]).optional(),
        reports: z.array(z.object({ reason: z.string().min(1) })).default([]),
      })
      .refine((p) => p.author || (p.anonymous && p.handle), "a post needs an author, or anonymous with a handle")
      .refine((p) => !p.anonymous || p.handle, "an anonymous post needs a handle"),
  ),
});

const factFront = z.object({ title: z.string().min(1), summary: z.string().min(1).max(240) });

const historyFile = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  events: z.array(z.object({ year: z.number().int(), title: z.string().min(1), text: z.string().min(1) })).min(1),
});

function readMatter(file: string) {
  return matter(fs.readFileSync(file, "utf8"));
}

function parseFile<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `${path.relative(process.cwd(), file)}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return result.data;
}

function markdownFiles(folder: string): string[] {
  const dir = path.join(CONTENT_DIR, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(dir, f));
}

export function loadContent() {
  const categoriesPath = path.join(CONTENT_DIR, "categories.md");
  const peoplePath = path.join(CONTENT_DIR, "people.md");
  const categories = parseFile(categoriesFile, readMatter(categoriesPath).data, categoriesPath).categories;
  const people = parseFile(peopleFile, readMatter(peoplePath).data, peoplePath).people;

  const articles = markdownFiles("articles").map((file) => {
    const { data, content } = readMatter(file);
    return { slug: path.basename(file, ".md"), ...parseFile(articleFront, data, file), body: content.trim() };
  });
  const discussions = markdownFiles("discussions").map((file) => ({
    articleSlug: path.basename(file, ".md"),
    posts: parseFile(discussionFile, readMatter(file).data, file).posts,
  }));
  const facts = markdownFiles("facts").map((file) => {
    const { data, content } = readMatter(file);
    return { slug: path.basename(file, ".md"), ...parseFile(factFront, data, file), body: content.trim() };
  });
  const history = markdownFiles("history").map((file) => parseFile(historyFile, readMatter(file).data, file));

  return { categories, people, articles, discussions, facts, history };
}

export type Content = ReturnType<typeof loadContent>;
