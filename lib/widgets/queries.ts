import "server-only";
import { db } from "@/lib/db";
import { publishedWhere } from "@/lib/articles/queries";
import { monthDayOf, nextSiteMidnight } from "@/lib/calendar";
import { expirePageAt, tagPage, tags } from "@/lib/cache";
import { listEventsOn } from "@/lib/history/queries";

/** Articles in the "Latest articles" embed: a short list keeps it under its 5 KB budget. */
export const LATEST_WIDGET_LIMIT = 5;

/** Events in the "Today in history" embed; the day's page has them all. */
export const HISTORY_WIDGET_LIMIT = 3;

const latestSelect = { slug: true, title: true, publishedAt: true } as const;

/**
 * The newest published articles, of one category when a slug is given; null
 * when no category has that slug. Tagged like every article list, so a
 * publication (or a new category's first article) drops the embed.
 */
export async function getLatestArticlesWidget(categorySlug?: string) {
  tagPage(tags.articles);
  if (categorySlug === undefined) {
    const articles = await db.article.findMany({
      where: publishedWhere,
      orderBy: { publishedAt: "desc" },
      take: LATEST_WIDGET_LIMIT,
      select: latestSelect,
    });
    return { category: null, articles };
  }
  const category = await db.category.findUnique({
    where: { slug: categorySlug },
    select: {
      slug: true,
      name: true,
      articles: { where: publishedWhere, orderBy: { publishedAt: "desc" }, take: LATEST_WIDGET_LIMIT, select: latestSelect },
    },
  });
  if (!category) return null;
  const { articles, ...rest } = category;
  return { category: rest, articles };
}

/** Today's events (the site's today, as the sidebar's), oldest first; the embed goes stale at the site's midnight. */
export async function getTodayInHistory(now = new Date()) {
  expirePageAt(nextSiteMidnight(now));
  const today = monthDayOf(now);
  const events = await listEventsOn(today);
  return { today, events: events.slice(0, HISTORY_WIDGET_LIMIT) };
}
