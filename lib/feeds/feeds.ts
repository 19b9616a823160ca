import "server-only";
import { Feed } from "feed";
import { db } from "@/lib/db";
import { tagPage, tags } from "@/lib/cache";
import { publishedWhere } from "@/lib/articles/queries";
import { siteUrl, SITE_NAME } from "@/lib/config";
import { posterNameFields, publicPosterName } from "@/lib/discussion/poster";
import { splitParagraphs } from "@/lib/discussion/mentions";
import { renderMarkdown } from "@/lib/markdown";
import { escapeHtml } from "@/lib/text";
import { feedPath } from "./alternates";
import { pageOfPost } from "@/lib/discussion/queries";

/**
 * The site's feeds, built by the `feed` package: the latest articles (all,
 * or one category's) and one article's discussion (its approved posts). Every
 * link is absolute, from SITE_URL, never from the request. Each feed is read
 * through lib/ queries that tag the response cache, so a publication or an
 * approved post refreshes it like the pages.
 */
export type FeedFormat = "rss" | "atom";

const ARTICLES_IN_FEED = 20;
const POSTS_IN_FEED = 30;
const SITE_DESCRIPTION = "Plain-spoken articles that answer everyday questions, with reader discussion.";

/** Root-relative links and pictures in an article's HTML, made absolute for feed readers. */
function absolutize(html: string): string {
  return html
    .replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl()}/`)
    .replace(/(srcset="[^"]*")/g, (srcset) => srcset.replace(/(^srcset="|, )\//g, `$1${siteUrl()}/`));
}

function newFeed(path: string, title: string, description: string, updated: Date | undefined) {
  const base = siteUrl();
  return new Feed({
    title,
    description,
    id: `${base}${path}`,
    link: `${base}${path}`,
    language: "en",
    updated,
    generator: SITE_NAME,
    copyright: `© ${SITE_NAME}`,
    feedLinks: { rss: `${base}${feedPath(path, "rss")}`, atom: `${base}${feedPath(path, "atom")}` },
  });
}

async function latestArticles(categoryId?: number) {
  tagPage(tags.articles);
  return db.article.findMany({
    where: { ...publishedWhere, ...(categoryId ? { categoryId } : {}) },
    orderBy: { publishedAt: "desc" },
    take: ARTICLES_IN_FEED,
    select: {
      slug: true,
      title: true,
      summary: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      category: { select: { name: true, slug: true } },
      author: { select: { username: true, displayName: true } },
    },
  });
}

function articleFeed(path: string, title: string, description: string, articles: Awaited<ReturnType<typeof latestArticles>>) {
  const base = siteUrl();
  const feed = newFeed(path, title, description, articles[0]?.updatedAt);
  for (const article of articles) {
    const link = `${base}/articles/${article.slug}`;
    feed.addItem({
      title: article.title,
      id: link,
      link,
      description: article.summary,
      content: absolutize(renderMarkdown(article.body)),
      date: article.updatedAt,
      published: article.publishedAt ?? article.updatedAt,
      author: [
        { name: article.author.displayName ?? article.author.username, link: `${base}/authors/${article.author.username}` },
      ],
      category: [{ name: article.category.name, domain: `${base}/categories/${article.category.slug}` }],
    });
  }
  return feed;
}

export async function siteFeed(): Promise<Feed> {
  return articleFeed("/", `${SITE_NAME}: the latest articles`, SITE_DESCRIPTION, await latestArticles());
}

export async function categoryFeed(slug: string): Promise<Feed | null> {
  tagPage(tags.articles);
  const category = await db.category.findUnique({ where: { slug }, select: { id: true, name: true, description: true } });
  if (!category) return null;
  return articleFeed(
    `/categories/${slug}`,
    `${SITE_NAME}: ${category.name}`,
    category.description || `The latest ${category.name} articles.`,
    await latestArticles(category.id),
  );
}

/** An article's discussion: its newest approved posts, each linking to its anchor on the article page. */
export async function discussionFeed(slug: string): Promise<Feed | null> {
  tagPage(tags.articles);
  const article = await db.article.findFirst({ where: { slug, ...publishedWhere }, select: { id: true, title: true } });
  if (!article) return null;
  tagPage(tags.article(article.id), tags.posts(article.id));
  const posts = await db.comment.findMany({
    where: { articleId: article.id, status: "APPROVED", number: { not: null } },
    orderBy: { number: "desc" },
    take: POSTS_IN_FEED,
    select: { number: true, body: true, createdAt: true, editedAt: true, ...posterNameFields },
  });
  const base = siteUrl();
  const feed = newFeed(
    `/articles/${slug}/discussion`,
    `Discussion of “${article.title}”`,
    `Readers' posts on ${article.title}, newest first.`,
    posts[0] ? (posts[0].editedAt ?? posts[0].createdAt) : undefined,
  );
  feed.options.link = `${base}/articles/${slug}#discussion`;
  for (const post of posts) {
    // The fixed page that always holds this post: a link (and id) that never moves.
    const link = `${base}/articles/${slug}/posts/${pageOfPost(post.number!)}#post-${post.number}`;
    const name = publicPosterName(post);
    feed.addItem({
      title: `Post ${post.number} by ${name}`,
      id: link,
      link,
      description: post.body.slice(0, 300),
      content: splitParagraphs(post.body)
        .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
        .join(""),
      date: post.editedAt ?? post.createdAt,
      published: post.createdAt,
      author: [{ name }],
    });
  }
  return feed;
}

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** A feed as an HTTP answer, or a 404 in words. */
export function feedResponse(feed: Feed | null, format: FeedFormat): Response {
  if (!feed) {
    return new Response("There is no such feed.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(format === "rss" ? feed.rss2() : feed.atom1(), { headers: { "content-type": CONTENT_TYPES[format] } });
}
