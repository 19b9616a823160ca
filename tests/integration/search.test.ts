import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchArticles } from "@/lib/search/search";
import { queryWords, searchQuerySchema } from "@/lib/search/schema";
import { loadContent } from "@/prisma/seed/content";
import { seedDatabase } from "@/prisma/seed/seed";

// Search over the demo corpus (40 articles), through lib/search on a real
// SQLite file: ranking, snippets, paging, hostile input, and keeping in step.

beforeAll(async () => {
  await seedDatabase(db, loadContent());
}, 120_000);

const search = (q: string, page?: number) => searchArticles(searchQuerySchema.parse({ q, page }));
const slugs = async (q: string) => (await search(q)).hits.map((hit) => hit.slug);

describe("ranking", () => {
  it("puts the article that answers the question first", async () => {
    expect((await slugs("why is the sky blue"))[0]).toBe("why-is-the-sky-blue");
    expect((await slugs("rainbow"))[0]).toBe("how-do-rainbows-form");
    expect((await slugs("mortgage repayments"))[0]).toBe("how-does-a-repayment-mortgage-work");
  });

  it("weighs a word in the title above the same word in a body", async () => {
    const hits = await slugs("tides");
    expect(hits[0]).toBe("how-do-tides-work");
    const other = await db.article.findFirstOrThrow({
      where: { slug: { not: "how-do-tides-work" }, body: { contains: "tide" } },
    });
    expect(hits).toContain(other.slug);
  });

  it("finds other forms of a word (stemming) and ignores accents", async () => {
    expect(await slugs("staling")).toContain("why-does-bread-go-stale");
    expect(await slugs("rainbōws")).toContain("how-do-rainbows-form");
  });

  it("falls back to any of the words when no article has them all, and says so", async () => {
    const results = await search("rainbow zzyzzyva");
    expect(results.matchedEveryWord).toBe(false);
    expect(results.hits.map((hit) => hit.slug)).toContain("how-do-rainbows-form");
  });
});

describe("the results page's content", () => {
  it("gives a snippet with the matched words marked, as text without Markdown", async () => {
    const [first] = (await search("caffeine")).hits;
    expect(first!.snippet).toMatch(/<mark>caffeine<\/mark>/i);
    expect(first!.snippet).not.toMatch(/\*\*|\]\(|<(?!\/?mark>)/);
  });

  it("pages through many results without repeating one", async () => {
    const first = await search("the", 1);
    const second = await search("the", 2);
    expect(first.total).toBeGreaterThan(10);
    expect(first.hits).toHaveLength(10);
    expect(second.page).toBe(2);
    const seen = new Set(first.hits.map((hit) => hit.id));
    expect(second.hits.some((hit) => seen.has(hit.id))).toBe(false);
    expect((await search("the", 999)).page).toBe(first.pages);
  });

  it("finds nothing for words no article has, and nothing for no words", async () => {
    expect((await search("xylophonequark")).total).toBe(0);
    expect((await search("   ")).hits).toEqual([]);
    expect((await search("!!! ??? ***")).words).toEqual([]);
  });
});

describe("hostile and odd input", () => {
  const queries = [
    '"sky',
    'sky"blue',
    "sky*",
    "*",
    "sky NEAR blue",
    "NEAR(sky blue, 2)",
    "sky AND",
    "OR sky",
    "NOT",
    "-sky",
    "^sky",
    "title:sky",
    "body:sky OR title:blue",
    "(sky",
    "sky)",
    "((((sky",
    "sky\u0000blue",
    "\u0007\u001b[31msky",
    '\'; DROP TABLE "Article"; --',
    "sky' OR '1'='1",
    "🌈 rainbow",
    "x".repeat(2000),
    "sky ".repeat(600),
    "\uD800sky",
  ];

  it.each(queries.map((q) => [q.slice(0, 40), q]))("answers %j without error, reading words only", async (_label, q) => {
    const results = await search(q);
    expect(Array.isArray(results.hits)).toBe(true);
    for (const word of results.words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("still finds the sky article through the syntax", async () => {
    for (const q of ['"sky', "sky*", "-sky", "^sky", "title:sky", "(sky", "sky\u0000blue"]) {
      expect(await slugs(q), q).toContain("why-is-the-sky-blue");
    }
    expect(await db.article.count()).toBe(40);
  });

  it("keeps a query's words, never more than a dozen", () => {
    expect(queryWords("Why IS the sky   blue?!")).toEqual(["why", "is", "the", "sky", "blue"]);
    expect(queryWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))).toHaveLength(12);
    expect(searchQuerySchema.parse({ q: ["sky", "sea"], page: "-3" })).toEqual({ q: "sky", page: 1 });
    expect(searchQuerySchema.parse({ q: 42 })).toEqual({ q: "", page: 1 });
  });
});

describe("keeping in step with the articles", () => {
  it("finds an edit's new words at once, forgets its old ones, and never shows drafts", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: "why-do-onions-make-you-cry" } });
    await db.article.update({ where: { id: article.id }, data: { body: `${article.body}\n\nAlso: quokkaberry.` } });
    expect(await slugs("quokkaberry")).toEqual(["why-do-onions-make-you-cry"]);
    await db.article.update({ where: { id: article.id }, data: { body: article.body } });
    expect(await slugs("quokkaberry")).toEqual([]);
    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    expect(await slugs("onions")).not.toContain("why-do-onions-make-you-cry");
    await db.article.update({ where: { id: article.id }, data: { status: "PUBLISHED" } });
    expect(await slugs("onions")).toContain("why-do-onions-make-you-cry");
  });
});
