import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listRelatedArticles } from "@/lib/articles/queries";
import { buildModel, rankRelated, subjectWords, termCounts } from "@/lib/articles/related";
import { loadContent } from "@/prisma/seed/content";
import { seedDatabase } from "@/prisma/seed/seed";

// "You might also Like" on the demo corpus: the articles' own words decide,
// tags and category nudge, and a change to the corpus is seen at once.

beforeAll(async () => {
  await seedDatabase(db, loadContent());
}, 120_000);

async function relatedTo(slug: string) {
  const { id } = await db.article.findUniqueOrThrow({ where: { slug } });
  return (await listRelatedArticles({ id })).map((article) => article.slug);
}

describe("related articles on the demo content", () => {
  it("shows five, never the article itself", async () => {
    const related = await relatedTo("how-do-tides-work");
    expect(related).toHaveLength(5);
    expect(related).not.toContain("how-do-tides-work");
  });

  it("ranks clearly related articles above unrelated ones", async () => {
    const pairs: [string, string[], string[]][] = [
      [
        "how-does-compound-interest-work",
        ["how-do-index-funds-work", "how-does-a-repayment-mortgage-work"],
        ["why-do-onions-make-you-cry"],
      ],
      ["how-do-vaccines-train-the-immune-system", ["how-do-antibiotics-work"], ["how-does-a-solid-state-drive-store-data"]],
      ["how-do-rainbows-form", ["why-is-the-sky-blue"], ["how-does-a-repayment-mortgage-work", "why-do-shoelaces-come-undone"]],
      ["what-causes-jet-lag", ["why-do-we-need-sleep"], ["how-do-index-funds-work"]],
    ];
    for (const [slug, related, unrelated] of pairs) {
      const ranked = await relatedTo(slug);
      for (const expected of related) expect(ranked, `${expected} for ${slug}`).toContain(expected);
      for (const other of unrelated) expect(ranked, `${other} for ${slug}`).not.toContain(other);
    }
  });

  it("finds an article related by its text alone, with no tag or category in common", async () => {
    const category = await db.category.create({ data: { slug: "miscellany", name: "Miscellany" } });
    const author = await db.user.findFirstOrThrow({ where: { username: "editor" } });
    const article = await db.article.create({
      data: {
        slug: "seeing-a-double-rainbow",
        title: "Seeing a double rainbow",
        summary: "Why a second, fainter rainbow sometimes appears above the first.",
        body: "Sunlight enters raindrops, refracts, reflects twice inside each droplet and leaves with its colours reversed: red inside, violet outside. Rainbow light from the secondary bow is dimmer because of the extra reflection.",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId: author.id,
        categoryId: category.id,
        copyrightHolder: "Quire Editorial Team",
      },
    });
    expect(await relatedTo("how-do-rainbows-form")).toContain(article.slug);
    // Unpublished, it is gone from the next render.
    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    expect(await relatedTo("how-do-rainbows-form")).not.toContain(article.slug);
  });
});

describe("the model", () => {
  it("reads subject words: no stop words, no short words, plurals folded", () => {
    expect(subjectWords("Why do the tides rise? Tide tables, and the Moon's pull.")).toEqual([
      "tide",
      "rise",
      "tide",
      "table",
      "moon",
      "pull",
    ]);
  });

  it("weighs shared tags and category below shared words", () => {
    const article = (id: number, title: string, body: string, categoryId: number) => ({
      id,
      categoryId,
      tagIds: [],
      terms: termCounts({ title, summary: "", body }),
    });
    const model = buildModel([
      article(1, "Kettles whistle", "kettle steam whistle spout", 1),
      article(2, "Why kettles whistle", "steam whistle spout kettle", 2),
      article(3, "Mortgages", "interest repayment loan", 1),
      article(4, "Gardens", "compost worm soil", 3),
    ]);
    expect(rankRelated(model, 1, 5).map((r) => r.id)).toEqual([2, 3]);
  });
});
