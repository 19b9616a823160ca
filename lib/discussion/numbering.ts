import type { Tx } from "@/lib/db";

/**
 * Gives a post its "Post N" the first time it becomes visible. Must run inside
 * a write transaction: the article's counter is bumped with a single UPDATE, so
 * two posts approved at once can never share a number, and a number once given
 * is never given again (the counter only grows, even if the post is later removed).
 */
export async function assignPostNumber(tx: Tx, commentId: number): Promise<number> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { number: true, articleId: true },
  });
  if (comment.number !== null) return comment.number;
  const article = await tx.article.update({
    where: { id: comment.articleId },
    data: { nextPostNumber: { increment: 1 } },
    select: { nextPostNumber: true },
  });
  const number = article.nextPostNumber - 1;
  await tx.comment.update({ where: { id: commentId }, data: { number } });
  return number;
}

/**
 * Hands out `count` consecutive numbers in one UPDATE (an import numbering a
 * whole thread by date) and returns the first. Same rule as above: inside a
 * write transaction, and the counter only grows.
 */
export async function reservePostNumbers(tx: Tx, articleId: number, count: number): Promise<number> {
  const article = await tx.article.update({
    where: { id: articleId },
    data: { nextPostNumber: { increment: count } },
    select: { nextPostNumber: true },
  });
  return article.nextPostNumber - count;
}
