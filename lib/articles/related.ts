import "server-only";
import { db } from "@/lib/db";

/**
 * "You might also Like" from the articles' own words: TF-IDF vectors over
 * title, summary and body (a title word counts three times, a summary word
 * twice), compared by cosine similarity, then nudged by shared tags and the
 * same category, which editors chose on purpose.
 *
 * The model of the whole published corpus is built in memory and rebuilt when
 * the corpus changes: every read first asks the database for a signature of
 * what the model depends on (which articles are published, their last text
 * change, their tags and categories), one cheap aggregate query. So a
 * publication, an edit, an unpublication or a retagging is reflected on the
 * next render, whichever process or script made it.
 */

const TAG_WEIGHT = 0.08;
const CATEGORY_WEIGHT = 0.04;
const FIELD_WEIGHTS = { title: 3, summary: 2, body: 1 } as const;

// Words that say nothing about a subject. A short list: IDF weighs the rest down by itself.
const STOP_WORDS = new Set(
  (
    "the and for are but not you all any can had her was one our out has have him his how its may new now old see two way who " +
    "did does doing done get got into than that them then there these they this those what when where which while why will with " +
    "would could should about after again also because been before being between both each from further here more most much " +
    "other over same some such their very your just only own off once too under until upon onto were yes whom"
  ).split(" "),
);

/** The words of a text that can carry its subject, lightly stemmed ("tides" and "tide" are one). */
export function subjectWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(stem(word));
  }
  return words;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("es") && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

type Source = { id: number; title: string; summary: string; body: string; categoryId: number; tagIds: number[] };
type Vector = Map<string, number>;
type Model = { byId: Map<number, { vector: Vector; norm: number; categoryId: number; tagIds: Set<number> }> };

/** The TF-IDF model of a corpus: sublinear term frequency, smoothed inverse document frequency. */
export function buildModel(sources: Source[]): Model {
  const counts = sources.map((source) => {
    const terms = new Map<string, number>();
    for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
      for (const word of subjectWords(source[field as keyof typeof FIELD_WEIGHTS]))
        terms.set(word, (terms.get(word) ?? 0) + weight);
    }
    return terms;
  });
  const documentFrequency = new Map<string, number>();
  for (const terms of counts)
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = sources.length;
  const byId: Model["byId"] = new Map();
  sources.forEach((source, i) => {
    const vector: Vector = new Map();
    let squares = 0;
    for (const [term, count] of counts[i]!) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + documentFrequency.get(term)!));
      if (weight <= 0) continue;
      vector.set(term, weight);
      squares += weight * weight;
    }
    byId.set(source.id, { vector, norm: Math.sqrt(squares), categoryId: source.categoryId, tagIds: new Set(source.tagIds) });
  });
  return { byId };
}

function cosine(a: { vector: Vector; norm: number }, b: { vector: Vector; norm: number }): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/** The ids of the articles most like `articleId`, best first, with their scores. */
export function rankRelated(model: Model, articleId: number, limit: number): { id: number; score: number }[] {
  const mine = model.byId.get(articleId);
  if (!mine) return [];
  const scored: { id: number; score: number }[] = [];
  for (const [id, other] of model.byId) {
    if (id === articleId) continue;
    let sharedTags = 0;
    for (const tag of other.tagIds) if (mine.tagIds.has(tag)) sharedTags++;
    const score = cosine(mine, other) + TAG_WEIGHT * sharedTags + (other.categoryId === mine.categoryId ? CATEGORY_WEIGHT : 0);
    if (score > 0) scored.push({ id, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
}

let cached: { signature: string; model: Model } | null = null;

/** What the model depends on, summed up by the database in one query. */
async function corpusSignature(): Promise<string> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT
      (SELECT count(*) FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL) AS "articles",
      (SELECT total("id" * 7919 + "categoryId") FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL) AS "ids",
      (SELECT max("updatedAt") FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL) AS "changed",
      (SELECT count(*) FROM "ArticleTag") AS "tags",
      (SELECT total("articleId" * 7919 + "tagId") FROM "ArticleTag") AS "tagging"`;
  return JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

/** The current model, rebuilt only when the corpus has changed since it was built. */
export async function relatedModel(): Promise<Model> {
  const signature = await corpusSignature();
  if (cached?.signature === signature) return cached.model;
  const articles = await db.article.findMany({
    where: { status: "PUBLISHED", publishedAt: { not: null } },
    select: { id: true, title: true, summary: true, body: true, categoryId: true, tags: { select: { tagId: true } } },
  });
  const model = buildModel(articles.map(({ tags, ...article }) => ({ ...article, tagIds: tags.map((t) => t.tagId) })));
  cached = { signature, model };
  return model;
}
