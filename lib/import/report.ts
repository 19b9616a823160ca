/** What one import did, for the person who ran it: what was imported, what was skipped and why. */

type Tally = { count: number; examples: string[] };
const EXAMPLES = 3;

export class ImportReport {
  readonly imported = {
    articles: 0,
    published: 0,
    unpublished: 0,
    posts: 0,
    approved: 0,
    pending: 0,
    replies: 0,
    people: 0,
    categories: 0,
    tags: 0,
  };
  /** Already in the database from an earlier run of the same file: left as they are. */
  readonly unchanged = { articles: 0, posts: 0 };
  readonly skipped = new Map<string, Tally>();
  readonly notes = new Map<string, Tally>();

  constructor(
    readonly formatName: string,
    readonly read: { items: number; itemWord: string; comments: number },
  ) {}

  skip(why: string, example?: string) {
    add(this.skipped, why, example);
  }

  note(what: string, example?: string) {
    add(this.notes, what, example);
  }

  get nothingNew(): boolean {
    return this.imported.articles === 0 && this.imported.posts === 0;
  }

  /** The report as the CLI prints it. */
  toText(): string {
    const { imported: i, unchanged: u } = this;
    const lines = [
      `Read a ${this.formatName} export: ${plural(this.read.items, this.read.itemWord)}, ${plural(this.read.comments, "comment")}.`,
    ];
    if (this.nothingNew) {
      lines.push(
        u.articles + u.posts > 0
          ? `Nothing new to import: ${plural(u.articles, "article")} and ${plural(u.posts, "post")} from this file were imported before.`
          : "Nothing was imported.",
      );
    } else {
      lines.push(
        `Imported ${plural(i.articles, "article")} (${i.published} published, ${i.unpublished} not public) and ` +
          `${plural(i.posts, "post")} (${i.approved} approved, ${i.pending} waiting for moderation; ${plural(i.replies, "reply", "replies")} linked to the post they answer); ` +
          `created ${plural(i.people, "author account")}, ${plural(i.categories, "category", "categories")}, ${plural(i.tags, "tag")}.`,
      );
      if (u.articles + u.posts > 0)
        lines.push(`Already imported before, left as they were: ${plural(u.articles, "article")}, ${plural(u.posts, "post")}.`);
    }
    for (const [title, tallies] of [
      ["Skipped:", this.skipped],
      ["Notes:", this.notes],
    ] as const) {
      if (tallies.size === 0) continue;
      lines.push(title);
      for (const [why, { count, examples }] of tallies) {
        const shown = examples.map((e) => `“${e}”`).join(", ");
        lines.push(
          `  ${String(count).padStart(5)}  ${why}${shown ? `: ${shown}${count > examples.length && examples.length === EXAMPLES ? ", …" : ""}` : ""}`,
        );
      }
    }
    return lines.join("\n");
  }
}

function add(tallies: Map<string, Tally>, why: string, example?: string) {
  const tally = tallies.get(why) ?? { count: 0, examples: [] };
  tally.count++;
  const shown = example?.trim().slice(0, 80);
  if (shown && tally.examples.length < EXAMPLES && !tally.examples.includes(shown)) tally.examples.push(shown);
  tallies.set(why, tally);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
