import "server-only";
import { db } from "@/lib/db";
// A cycle with ./queries, which calls this module; both use each other only inside functions.
import { publishedWhere } from "./queries";

/**
 * "You might also Like" from the articles' own words: TF-IDF vectors over
 * title, summary and body (a title word counts three times, a summary word
 * twice), compared by cosine similarity, then nudged by shared tags and the
 * same category, which editors chose on purpose.
 *
 * The model of the whole published corpus is built in memory and rebuilt when
 * the corpus changes: every read first reads the corpus's version, one row
 * that triggers move on any change the model depends on. So a publication, an
 * edit, an unpublication or a retagging is reflected on the next render,
 * whichever process or script made it.
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

type Source = { id: number; categoryId: number; tagIds: number[]; terms: Map<string, number> };
type Vector = Map<string, number>;
type Entry = { vector: Vector; norm: number; categoryId: number; tagIds: Set<number> };
export type Model = {
  byId: Map<number, Entry>;
  /** Who has each term, each tag, each category: the candidates worth scoring. */
  byTerm: Map<string, number[]>;
  byTag: Map<number, number[]>;
  byCategory: Map<number, number[]>;
  /** Rankings already computed with this model. */
  ranked: Map<number, { id: number; score: number }[]>;
};

/** An article's weighted term counts: a title word counts three, a summary word two, a body word one. */
export function termCounts(article: { title: string; summary: string; body: string }): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
    for (const word of subjectWords(article[field as keyof typeof FIELD_WEIGHTS]))
      terms.set(word, (terms.get(word) ?? 0) + weight);
  }
  return terms;
}

/** Each vector keeps its strongest terms: they carry the similarity, and the model stays small. */
const TERMS_PER_ARTICLE = 80;

const push = <K>(index: Map<K, number[]>, key: K, id: number) => {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
};

/** The TF-IDF model of a corpus: sublinear term frequency, smoothed inverse document frequency. */
export function buildModel(sources: Source[]): Model {
  const documentFrequency = new Map<string, number>();
  for (const { terms } of sources)
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = sources.length;
  const model: Model = { byId: new Map(), byTerm: new Map(), byTag: new Map(), byCategory: new Map(), ranked: new Map() };
  for (const source of sources) {
    const weighted: [string, number][] = [];
    for (const [term, count] of source.terms) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + documentFrequency.get(term)!));
      if (weight > 0) weighted.push([term, weight]);
    }
    const vector: Vector = new Map(weighted.sort((a, b) => b[1] - a[1]).slice(0, TERMS_PER_ARTICLE));
    let squares = 0;
    for (const [term, weight] of vector) {
      squares += weight * weight;
      push(model.byTerm, term, source.id);
    }
    for (const tagId of source.tagIds) push(model.byTag, tagId, source.id);
    push(model.byCategory, source.categoryId, source.id);
    model.byId.set(source.id, {
      vector,
      norm: Math.sqrt(squares),
      categoryId: source.categoryId,
      tagIds: new Set(source.tagIds),
    });
  }
  return model;
}

function cosine(a: Entry, b: Entry): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/** The ids of the articles most like `articleId`, best first, with their scores. */
export function rankRelated(model: Model, articleId: number, limit: number): { id: number; score: number }[] {
  const known = model.ranked.get(articleId);
  if (known && known.length >= limit) return known.slice(0, limit);
  const mine = model.byId.get(articleId);
  if (!mine) return [];
  // Only articles sharing a term, a tag or the category can score above zero.
  const candidates = new Set<number>();
  for (const term of mine.vector.keys()) for (const id of model.byTerm.get(term) ?? []) candidates.add(id);
  for (const tag of mine.tagIds) for (const id of model.byTag.get(tag) ?? []) candidates.add(id);
  for (const id of model.byCategory.get(mine.categoryId) ?? []) candidates.add(id);
  candidates.delete(articleId);
  const scored: { id: number; score: number }[] = [];
  for (const id of candidates) {
    const other = model.byId.get(id)!;
    let sharedTags = 0;
    for (const tag of other.tagIds) if (mine.tagIds.has(tag)) sharedTags++;
    const score = cosine(mine, other) + TAG_WEIGHT * sharedTags + (other.categoryId === mine.categoryId ? CATEGORY_WEIGHT : 0);
    if (score > 0) scored.push({ id, score });
  }
  const ranked = scored.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
  model.ranked.set(articleId, ranked);
  return ranked;
}

type State = { version: number; model: Model; terms: Map<number, { key: string; terms: Map<string, number> }> };
let state: State | null = null;

/** The corpus's version, moved by triggers on every change the model depends on (see its migration). */
async function corpusVersion(): Promise<number> {
  const [row] = await db.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "ArticleCorpusVersion" WHERE "id" = 1`;
  return Number(row?.version ?? 0);
}

/**
 * The current model, rebuilt only when the corpus's version has moved; an
 * article's words are read and counted again only when it has been saved
 * since (a new revision or Last Modified Date), so a rebuild after one edit
 * costs the IDF pass, not the whole corpus's text.
 */
export async function relatedModel(): Promise<Model> {
  const version = await corpusVersion();
  if (state?.version === version) return state.model;
  const articles = await db.article.findMany({
    where: publishedWhere,
    select: { id: true, revision: true, updatedAt: true, categoryId: true, tags: { select: { tagId: true } } },
  });
  const known = state?.terms ?? new Map<number, { key: string; terms: Map<string, number> }>();
  const keyOf = (a: { revision: number; updatedAt: Date }) => `${a.revision}:${a.updatedAt.getTime()}`;
  const stale = articles.filter((a) => known.get(a.id)?.key !== keyOf(a)).map((a) => a.id);
  const texts = new Map<number, Map<string, number>>();
  for (let i = 0; i < stale.length; i += 500) {
    const batch = await db.article.findMany({
      where: { id: { in: stale.slice(i, i + 500) } },
      select: { id: true, title: true, summary: true, body: true },
    });
    for (const article of batch) texts.set(article.id, termCounts(article));
  }
  const terms = new Map<number, { key: string; terms: Map<string, number> }>();
  for (const a of articles) terms.set(a.id, { key: keyOf(a), terms: texts.get(a.id) ?? known.get(a.id)!.terms });
  const model = buildModel(
    articles.map((a) => ({
      id: a.id,
      categoryId: a.categoryId,
      tagIds: a.tags.map((t) => t.tagId),
      terms: terms.get(a.id)!.terms,
    })),
  );
  state = { version, model, terms };
  return model;
}
