import "server-only";
import { publishedWhere } from "@/lib/articles/queries";
import { db } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { Conflict, NotFound } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { assertCanModerate, type Actor } from "./permissions";
import type { DiscussionInput } from "./schema";

/** Closes or reopens an article's discussion; existing posts stay readable either way. */
export async function setDiscussionState(actor: Actor, input: DiscussionInput) {
  const moderator = assertCanModerate(actor);
  const open = input.state === "open";
  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, title: true, discussionOpen: true },
    });
    if (!article) throw new NotFound("We could not find that article.");
    if (article.discussionOpen === open) throw new Conflict(`The discussion of “${article.title}” is already ${input.state}.`);
    await tx.article.update({ where: { id: article.id }, data: { discussionOpen: open } });
    await recordModerationAction(tx, {
      actorId: moderator.id,
      action: open ? "open-discussion" : "close-discussion",
      reason: input.reason,
      articleId: article.id,
      before: { discussionOpen: article.discussionOpen },
      after: { discussionOpen: open },
    });
    return { article: { id: article.id, title: article.title, discussionOpen: open } };
  });
  pagesChanged(changed.discussionState(result.article.id));
  return result;
}

/** Published articles for the discussions page: closed ones first, then the newest. */
export async function listDiscussions(actor: Actor) {
  assertCanModerate(actor);
  return db.article.findMany({
    where: publishedWhere,
    orderBy: [{ discussionOpen: "asc" }, { publishedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      discussionOpen: true,
      _count: { select: { comments: { where: { status: "PENDING" } } } },
    },
  });
}
