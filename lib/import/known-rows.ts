import type { Tx } from "@/lib/db";
import type { PlannedArticle, Term } from "./plan";
import type { ImportReport } from "./report";

const IN_CHUNK = 500;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / IN_CHUNK) }, (_, i) => items.slice(i * IN_CHUNK, (i + 1) * IN_CHUNK));

export const articleSelect = { id: true, nextPostNumber: true } as const;
const earlierPostSelect = {
  id: true,
  importKey: true,
  anonymous: true,
  anonHandle: true,
  authorId: true,
  author: { select: { username: true } },
} as const;

/**
 * What the database already holds that the plan refers to, read in a few
 * queries up front rather than one or more per item: articles and posts by
 * import key, and which of the plan's addresses are taken. Kept current as
 * the import writes (inside its transaction nothing else can write).
 */
export class KnownRows {
  readonly articles = new Map<string, { id: number; nextPostNumber: number }>();
  readonly posts = new Map<
    string,
    {
      id: number;
      importKey: string | null;
      anonymous: boolean;
      anonHandle: string | null;
      authorId: number | null;
      author: { username: string } | null;
    }
  >();
  private readonly slugOwners = new Map<string, number | null>();

  private constructor(private readonly tx: Tx) {}

  static async load(tx: Tx, plan: PlannedArticle[]): Promise<KnownRows> {
    const known = new KnownRows(tx);
    for (const keys of chunks(plan.map((article) => article.key))) {
      for (const row of await tx.article.findMany({
        where: { importKey: { in: keys } },
        select: { ...articleSelect, importKey: true },
      })) {
        known.articles.set(row.importKey!, { id: row.id, nextPostNumber: row.nextPostNumber });
      }
    }
    for (const keys of chunks(plan.flatMap((article) => article.posts.map((post) => post.key)))) {
      for (const row of await tx.comment.findMany({ where: { importKey: { in: keys } }, select: earlierPostSelect }))
        known.posts.set(row.importKey!, row);
    }
    for (const slugs of chunks([...new Set(plan.map((article) => article.slugs[0]!))])) {
      for (const slug of slugs) known.slugOwners.set(slug, null);
      for (const row of await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }))
        known.slugOwners.set(row.slug, row.id);
      for (const row of await tx.articleSlug.findMany({
        where: { slug: { in: slugs } },
        select: { articleId: true, slug: true },
      })) {
        known.slugOwners.set(row.slug, known.slugOwners.get(row.slug) ?? row.articleId);
      }
    }
    return known;
  }

  /** The article at an address, now or before (an old address answers 301 to it). */
  async articleAt(slug: string): Promise<number | null> {
    if (this.slugOwners.has(slug)) return this.slugOwners.get(slug)!;
    const current = await this.tx.article.findUnique({ where: { slug }, select: { id: true } });
    const old = current ? null : await this.tx.articleSlug.findUnique({ where: { slug }, select: { articleId: true } });
    const owner = current?.id ?? old?.articleId ?? null;
    this.slugOwners.set(slug, owner);
    return owner;
  }

  private readonly made = new Set<number>();

  /** Records an article this import made, at its address. */
  claim(slug: string, articleId: number) {
    this.slugOwners.set(slug, articleId);
    this.made.add(articleId);
  }

  madeHere(articleId: number): boolean {
    return this.made.has(articleId);
  }
}

/** Categories and tags by address: an existing one is used as it is, a missing one created. */
export class TermRows {
  private readonly categories = new Map<string, number>();
  private readonly tags = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly report: ImportReport,
  ) {}

  /** Reads the categories and tags the plan names that exist already. */
  async load(plan: PlannedArticle[]) {
    for (const slugs of chunks([...new Set(plan.map((article) => article.category.slug))])) {
      for (const row of await this.tx.category.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) {
        this.categories.set(row.slug, row.id);
      }
    }
    for (const slugs of chunks([...new Set(plan.flatMap((article) => article.tags.map((tag) => tag.slug)))])) {
      for (const row of await this.tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) {
        this.tags.set(row.slug, row.id);
      }
    }
  }

  async category(term: Term): Promise<number> {
    const known = this.categories.get(term.slug);
    if (known !== undefined) return known;
    const { id } = await this.tx.category.create({ data: { slug: term.slug, name: term.name }, select: { id: true } });
    this.categories.set(term.slug, id);
    this.report.imported.categories++;
    return id;
  }

  async tag(term: Term): Promise<number> {
    const known = this.tags.get(term.slug);
    if (known !== undefined) return known;
    const { id } = await this.tx.tag.create({ data: { slug: term.slug, name: term.name }, select: { id: true } });
    this.tags.set(term.slug, id);
    this.report.imported.tags++;
    return id;
  }
}
