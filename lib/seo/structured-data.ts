import type { Metadata } from "next";
import { SITE_NAME, siteUrl } from "@/lib/config";
import { feedAlternates } from "@/lib/feeds/alternates";
import { pageOfPost } from "@/lib/discussion/queries";

/**
 * What search engines and link previews read of an article page: canonical
 * address, OpenGraph and Twitter card tags, and JSON-LD (schema.org Article,
 * with the page's approved posts as Comment items, so the discussion is
 * visible to search engines too). Absolute URLs from SITE_URL.
 */
type Person = { username: string; displayName: string | null };
export type StructuredArticle = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
  copyrightHolder: string;
  category: { name: string };
  author: Person;
  editor: Person | null;
  tags: { tag: { name: string } }[];
};
export type StructuredPost = { number: number | null; body: string; posterName: string; createdAt: Date; editedAt: Date | null };

const personName = (person: Person) => person.displayName ?? person.username;
const absolute = (path: string) => `${siteUrl()}${path}`;

/** The article's first uploaded or linked picture, as an absolute URL. */
export function firstImage(markdown: string): string | null {
  const src = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/.exec(markdown)?.[1];
  if (!src) return null;
  if (src.startsWith("/") && !src.startsWith("//")) return absolute(src);
  return /^https?:\/\//.test(src) ? src : null;
}

export function articleMetadata(article: StructuredArticle): Metadata {
  const path = `/articles/${article.slug}`;
  const image = firstImage(article.body);
  const published = (article.publishedAt ?? article.updatedAt).toISOString();
  return {
    title: article.title,
    description: article.summary,
    alternates: {
      canonical: path,
      types: feedAlternates({ path: `${path}/discussion`, title: `Discussion of “${article.title}”` }),
    },
    openGraph: {
      type: "article",
      url: path,
      siteName: SITE_NAME,
      title: article.title,
      description: article.summary,
      publishedTime: published,
      modifiedTime: article.updatedAt.toISOString(),
      authors: [absolute(`/authors/${article.author.username}`)],
      section: article.category.name,
      tags: article.tags.map((t) => t.tag.name),
      ...(image ? { images: [{ url: image, alt: article.title }] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description: article.summary,
      ...(image ? { images: [image] } : {}),
    },
  };
}

const person = (p: Person) => ({ "@type": "Person", name: personName(p), url: absolute(`/authors/${p.username}`) });

export function articleJsonLd(article: StructuredArticle, posts: StructuredPost[], commentCount: number) {
  const url = absolute(`/articles/${article.slug}`);
  const image = firstImage(article.body);
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: article.title.slice(0, 110),
    description: article.summary,
    articleSection: article.category.name,
    keywords: article.tags.map((t) => t.tag.name).join(", "),
    datePublished: (article.publishedAt ?? article.updatedAt).toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: person(article.author),
    ...(article.editor ? { editor: person(article.editor) } : {}),
    publisher: { "@type": "Organization", name: SITE_NAME, url: siteUrl() },
    copyrightHolder: { "@type": "Organization", name: article.copyrightHolder },
    ...(image ? { image: [image] } : {}),
    commentCount,
    comment: posts
      .filter((post) => post.number !== null)
      .map((post) => ({
        "@type": "Comment",
        url: `${url}/posts/${pageOfPost(post.number!)}#post-${post.number}`,
        text: post.body,
        dateCreated: post.createdAt.toISOString(),
        ...(post.editedAt ? { dateModified: post.editedAt.toISOString() } : {}),
        author: { "@type": "Person", name: post.posterName },
      })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text in it can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
