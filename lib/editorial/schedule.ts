import "server-only";
import { runEvery } from "@/lib/interval";
import { db } from "@/lib/db";
import { changed, pagesChanged } from "@/lib/cache";
import { recordAuditEvent } from "@/lib/audit/events";

/**
 * Publishes every scheduled article whose time has come, each in its own
 * transaction: it becomes PUBLISHED with its scheduled time as both its
 * publication and its Last Modified Date, gets a revision saying so (in the
 * name of whoever scheduled it), and every cached page that should show it is
 * dropped. The conditional update makes it safe to run from several places at
 * once: an article is published exactly once. Returns the ids published.
 */
export async function publishDueArticles(now = new Date()): Promise<number[]> {
  const due = await db.article.findMany({
    where: { status: "SCHEDULED", deletedAt: null, publishedAt: { lte: now } },
    orderBy: { publishedAt: "asc" },
    take: 50,
    select: { id: true },
  });
  const published: number[] = [];
  for (const { id } of due) {
    const done = await db.$transaction(async (tx) => {
      const article = await tx.article.findUnique({
        where: { id },
        select: { id: true, title: true, summary: true, body: true, publishedAt: true, revision: true, status: true },
      });
      if (!article || article.status !== "SCHEDULED" || !article.publishedAt || article.publishedAt > now) return false;
      const last = await tx.articleRevision.findFirst({
        where: { articleId: id },
        orderBy: { number: "desc" },
        select: { fields: true, savedById: true },
      });
      const claimed = await tx.article.updateMany({
        where: { id, status: "SCHEDULED", revision: article.revision },
        data: { status: "PUBLISHED", updatedAt: article.publishedAt, revision: article.revision + 1 },
      });
      if (claimed.count === 0) return false;
      if (last) {
        await tx.articleRevision.create({
          data: {
            articleId: id,
            number: article.revision + 1,
            title: article.title,
            summary: article.summary,
            body: article.body,
            fields: last.fields.replace(/"status":"SCHEDULED"/, '"status":"PUBLISHED"'),
            event: "publish:scheduled",
            savedById: last.savedById,
          },
        });
        await recordAuditEvent(tx, {
          actorId: last.savedById,
          action: "article.publish",
          subjectType: "article",
          subjectId: id,
          summary: `“${article.title}” was published as scheduled.`,
        });
      }
      return true;
    });
    if (done) {
      pagesChanged(changed.article(id));
      published.push(id);
    }
  }
  return published;
}

/**
 * Checks for due articles every second inside the server process, so a
 * scheduled article reaches the (cached) public pages within about a second
 * of its time, whether or not anyone is looking. Returns a function that stops it.
 */
export function startPublishingScheduler(intervalMs = 1000): () => void {
  return runEvery(intervalMs, "Publishing scheduled articles", () => publishDueArticles());
}
