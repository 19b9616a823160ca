import type { Tx } from "@/lib/db";
import { reservePostNumbers } from "@/lib/discussion/numbering";
import { stripMentionSeparator } from "@/lib/discussion/mentions";
import { bodyFingerprint } from "@/lib/text";
import { BODY_MAX } from "@/lib/discussion/limits";
import { ThreadNames } from "./handles";
import { ImportPeople } from "./people";
import { articleSelect, KnownRows, TermRows } from "./known-rows";
import type { PlannedArticle, PlannedPost } from "./plan";
import type { ImportReport } from "./report";
import type { SourceFile } from "./schema";

/** Why a post waits for moderation: it was waiting on the old site. */
export const IMPORTED_HOLD = "imported";
const SLUG_MAX = 80;

type Target = { id: number; nextPostNumber: number; isNew: boolean };
type Poster = { name: string; authorId: number | null; anonymous: boolean };

/**
 * Writes the plan, inside the caller's one transaction: anything that fails
 * here rolls everything back. Articles and posts whose import key is already
 * in the database are left as they are, so a second run adds nothing.
 */
export async function writeImport(
  tx: Tx,
  file: SourceFile,
  plan: PlannedArticle[],
  report: ImportReport,
  onProgress: (done: number) => void,
): Promise<void> {
  const people = new ImportPeople(tx, file, report);
  const known = await KnownRows.load(tx, plan);
  const terms = new TermRows(tx, report);
  await terms.load(plan);
  let done = 0;
  for (const planned of plan) {
    const target = await articleFor(tx, planned, people, terms, known, report);
    if (target) {
      const added = await writePosts(tx, target, planned, people, known, report);
      if (added > 0 && planned.joinsExisting && !target.isNew) {
        report.note("Disqus threads whose posts joined an article already on the site at the same address", planned.label);
      }
    }
    done += 1 + planned.posts.length;
    onProgress(done);
  }
}

async function articleFor(
  tx: Tx,
  planned: PlannedArticle,
  people: ImportPeople,
  terms: TermRows,
  known: KnownRows,
  report: ImportReport,
): Promise<Target | null> {
  const imported = known.articles.get(planned.key);
  if (imported) {
    report.unchanged.articles++;
    return { ...imported, isNew: false };
  }
  const base = planned.slugs[0]!;
  const owner = await known.articleAt(base);
  if (planned.joinsExisting && owner !== null) {
    return { ...(await tx.article.findUniqueOrThrow({ where: { id: owner }, select: articleSelect })), isNew: false };
  }
  // An address taken by an article this import made (two items with one address) gets a number; one on the site already does not.
  const takenBefore = owner !== null && !known.madeHere(owner);
  if (!planned.joinsExisting && takenBefore) {
    report.skip("articles whose address is taken by an article already on the site", `${planned.label} (/articles/${base})`);
    planned.posts.forEach(() => report.skip("comments on items that were not imported", planned.label));
    return null;
  }
  const slug = await freeSlug(base, known);
  const author = await people.userFor(planned.authorLogin);
  const categoryId = await terms.category(planned.category);
  const tagIds: number[] = [];
  for (const tag of planned.tags) tagIds.push(await terms.tag(tag));
  const numbers = planned.posts.flatMap((post) => (post.status === "APPROVED" && post.number !== null ? [post.number] : []));
  const nextPostNumber = Math.max(planned.nextPostNumber ?? 1, ...numbers.map((n) => n + 1), 1);
  const article = await tx.article.create({
    data: {
      slug,
      title: planned.title,
      summary: planned.summary,
      body: planned.body,
      status: planned.status,
      publishedAt: planned.publishedAt,
      createdAt: planned.createdAt,
      updatedAt: planned.createdAt,
      authorId: author.id,
      categoryId,
      copyrightHolder: planned.copyrightHolder,
      discussionOpen: planned.discussionOpen,
      nextPostNumber,
      revision: 1,
      importKey: planned.key,
    },
    select: articleSelect,
  });
  known.claim(slug, article.id);
  known.articles.set(planned.key, article);
  if (tagIds.length > 0)
    await tx.articleTag.createMany({ data: [...new Set(tagIds)].map((tagId) => ({ articleId: article.id, tagId })) });
  await tx.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      title: planned.title,
      summary: planned.summary,
      body: planned.body,
      fields: JSON.stringify({
        slug,
        categoryId,
        tags: planned.tags.map((tag) => tag.name),
        authorId: author.id,
        editorId: null,
        status: planned.status,
      }),
      event: "import",
      savedById: author.id,
      createdAt: planned.createdAt,
    },
  });
  report.imported.articles++;
  if (planned.status === "PUBLISHED") report.imported.published++;
  else report.imported.unpublished++;
  return { ...article, isNew: true };
}

/** Two items of one file with one address (after Quire's address rules) get "-2", "-3"... */
async function freeSlug(base: string, known: KnownRows): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if ((await known.articleAt(candidate)) === null) return candidate;
  }
}

async function writePosts(
  tx: Tx,
  article: Target,
  planned: PlannedArticle,
  people: ImportPeople,
  known: KnownRows,
  report: ImportReport,
): Promise<number> {
  if (planned.posts.length === 0) return 0;
  const earlier = planned.posts.flatMap((post) => known.posts.get(post.key) ?? []);
  const earlierByKey = new Map(earlier.map((row) => [row.importKey!, row]));
  const fresh = planned.posts.filter((post) => !earlierByKey.has(post.key));
  report.unchanged.posts += planned.posts.length - fresh.length;
  if (fresh.length === 0) return 0;

  const names = await ThreadNames.load(tx, article.id);
  const posters = new Map<string, Poster>();
  for (const row of earlier) {
    posters.set(row.importKey!, {
      name: row.anonymous || !row.author ? (row.anonHandle ?? "anonymous") : row.author.username,
      authorId: row.authorId,
      anonymous: row.anonymous,
    });
  }
  for (const post of fresh) {
    if (post.authorLogin) {
      const user = await people.userFor(post.authorLogin);
      names.claimUsername(user.username, user.id);
      posters.set(post.key, { name: user.username, authorId: user.id, anonymous: false });
    } else {
      const handle = names.handleFor(post.guestName, post.guestEmail, { exported: post.handle, username: post.username });
      posters.set(post.key, { name: handle, authorId: null, anonymous: true });
    }
  }

  const numbers = await numbersFor(tx, article, fresh);
  const keyOfSource = new Map(planned.posts.map((post) => [post.sourceId, post.key]));
  const rows = fresh.map((post) => {
    const poster = posters.get(post.key)!;
    const parentKey = post.parentId ? keyOfSource.get(post.parentId) : undefined;
    const parent = parentKey ? posters.get(parentKey) : undefined;
    if (post.parentId && !parent)
      report.note("replies to a comment that was not imported, kept as posts of their own", planned.label);
    const body = parent ? replyBody(post.body, parent.name) : post.body;
    return { post, poster, parentKey: parent ? parentKey! : null, parentName: parent?.name ?? null, body };
  });

  const created = await tx.comment.createManyAndReturn({
    data: rows.map(({ post, poster, body }) => ({
      articleId: article.id,
      number: numbers.get(post.key) ?? null,
      body,
      authorId: poster.authorId,
      anonymous: poster.anonymous,
      anonHandle: poster.anonymous ? poster.name : null,
      guestName: poster.anonymous ? post.guestName : null,
      guestEmail: poster.anonymous ? post.guestEmail : null,
      status: post.status,
      heldReason: post.status === "PENDING" ? IMPORTED_HOLD : null,
      bodyHash: bodyFingerprint(body),
      createdAt: post.createdAt,
      importKey: post.key,
    })),
    select: { id: true, importKey: true },
  });
  const idOfKey = new Map<string, number>([
    ...earlier.map((row) => [row.importKey!, row.id] as const),
    ...created.map((row) => [row.importKey!, row.id] as const),
  ]);
  for (const [index, row] of created.entries()) {
    const { poster } = rows[index]!;
    known.posts.set(row.importKey!, {
      id: row.id,
      importKey: row.importKey,
      anonymous: poster.anonymous,
      anonHandle: poster.anonymous ? poster.name : null,
      authorId: poster.authorId,
      author: poster.anonymous ? null : { username: poster.name },
    });
  }

  // A reply is a post that @mentions the post it answers; marked as notified, so an import never sends mention emails.
  const notifiedAt = new Date();
  const mentions = rows.flatMap(({ post, parentKey, parentName }) => {
    if (!parentKey || !parentName) return [];
    const parent = posters.get(parentKey)!;
    return [
      {
        commentId: idOfKey.get(post.key)!,
        name: parentName.toLowerCase(),
        targetCommentId: idOfKey.get(parentKey)!,
        targetUserId: parent.anonymous ? null : parent.authorId,
        notifiedAt,
      },
    ];
  });
  if (mentions.length > 0) await tx.mention.createMany({ data: mentions });

  report.imported.posts += fresh.length;
  report.imported.approved += fresh.filter((post) => post.status === "APPROVED").length;
  report.imported.pending += fresh.filter((post) => post.status === "PENDING").length;
  report.imported.replies += mentions.length;
  return fresh.length;
}

/**
 * "Post N" for the approved posts, by date. A Quire export's own numbers are
 * kept when the article is new and they are sound (distinct, every approved
 * post has one); otherwise numbers are reserved after the article's last one.
 */
async function numbersFor(tx: Tx, article: Target, posts: PlannedPost[]): Promise<Map<string, number>> {
  const approved = posts.filter((post) => post.status === "APPROVED");
  const given = approved.map((post) => post.number);
  if (article.isNew && approved.length > 0 && given.every((n) => n !== null) && new Set(given).size === given.length) {
    return new Map(approved.map((post) => [post.key, post.number!]));
  }
  if (approved.length === 0) return new Map();
  const first = await reservePostNumbers(tx, article.id, approved.length);
  return new Map(approved.map((post, index) => [post.key, first + index]));
}

/** "@name-- text", unless the text already starts by naming the post it answers (a Quire export's own replies do). */
export function replyBody(text: string, parentName: string): string {
  const leading = /^@([A-Za-z0-9_-]{2,40})/.exec(text);
  if (leading && stripMentionSeparator(leading[1]!).toLowerCase() === parentName.toLowerCase()) return text;
  const body = `@${parentName}-- ${text}`;
  return body.length <= BODY_MAX ? body : text;
}
