import "server-only";
import { SITE_NAME } from "@/lib/config";
import type { SiteData } from "./site-data";

/** The JSON export's format name and version, so that a reader can tell what it holds. */
export const JSON_FORMAT = { format: "quire-export", version: 1 } as const;

/**
 * The whole site as JSON: people (without anything secret), the taxonomy,
 * every article (the bin's too, with deletedAt) with its Markdown and its
 * posts, facts and history. Dates are ISO 8601 in UTC.
 */
export function toJson(data: SiteData, site: string, now = new Date()): string {
  return `${JSON.stringify(
    {
      ...JSON_FORMAT,
      site: { name: SITE_NAME, url: site },
      exportedAt: now,
      people: data.users.map((user) => ({ ...user, role: user.role.toLowerCase() })),
      categories: data.categories,
      tags: data.tags,
      articles: data.articles.map(({ authorId, editorId, ...article }) => ({
        ...article,
        author: data.users.find((user) => user.id === authorId)?.username ?? null,
        editor: data.users.find((user) => user.id === editorId)?.username ?? null,
        posts: article.posts.map(({ authorId: postAuthorId, ...post }) => ({
          ...post,
          author: postAuthorId === null ? null : (data.users.find((user) => user.id === postAuthorId)?.username ?? null),
        })),
      })),
      facts: data.facts,
      history: data.history,
    },
    null,
    2,
  )}\n`;
}
