import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { findMovedArticle, getPublishedArticle, listRelatedArticles } from "@/lib/articles/queries";
import { ArticleDetails } from "@/components/articles/article-details";
import { ArticleBody } from "@/components/articles/article-body";
import { RelatedArticles } from "@/components/articles/related-articles";
import { Sidebar } from "@/components/sidebar/sidebar";
import { Discussion } from "@/components/discussion/discussion";
import { countApprovedPosts, listApprovedPosts, pageCount } from "@/lib/discussion/queries";
import { articleJsonLd, articleMetadata as metadataOfArticle, jsonLdText } from "@/lib/seo/structured-data";
import { CommentForm } from "@/components/discussion/comment-form";
import { LoginBox } from "@/components/accounts/login-box";
import { logInFromForm } from "../../login/actions";
import { FollowDiscussion } from "@/components/subscriptions/follow-discussion";
import { followDiscussionFromForm, postCommentFromForm } from "./actions";

// The article route and its older-posts route (/articles/<slug>/posts/<n>) share
// this page. Page numbers live in the path, not a query string: Next 16 cannot
// server-render a 404 from a page that reads searchParams, and path URLs cache better.

export async function articleMetadata(slug: string): Promise<Metadata> {
  const article = await getPublishedArticle(slug);
  return article ? metadataOfArticle(article) : { title: "Article not found" };
}

/** An address the article had before answers 301 (see scripts/server/serve.mts) to where it is now; anything else is a 404. */
async function notFoundOrMoved(slug: string, discussionPage: number | undefined): Promise<never> {
  const current = await findMovedArticle(slug);
  if (!current) notFound();
  permanentRedirect(`/articles/${encodeURIComponent(current)}${discussionPage === undefined ? "" : `/posts/${discussionPage}`}`);
}

export async function ArticlePage({ slug, discussionPage }: { slug: string; discussionPage?: number }) {
  const article = await getPublishedArticle(slug);
  if (!article) return notFoundOrMoved(slug, discussionPage);
  const pages = pageCount(article.nextPostNumber);
  if (discussionPage !== undefined && discussionPage > pages) notFound();
  const related = await listRelatedArticles({ id: article.id });
  const shownPage = discussionPage ?? pages;
  const [posts, postCount] = await Promise.all([listApprovedPosts(article.id, shownPage), countApprovedPosts(article.id)]);
  // The login box comes back here: the page's own address, the same for every reader.
  const here = `/articles/${encodeURIComponent(article.slug)}${discussionPage === undefined ? "" : `/posts/${discussionPage}`}`;

  return (
    <div className="with-sidebar">
      <article className="article" aria-labelledby="article-title">
        <p className="article__category">
          <Link href={`/categories/${article.category.slug}`}>{article.category.name}</Link>
        </p>
        <h1 id="article-title">{article.title}</h1>
        <ArticleDetails article={article} />
        <ul className="article__tools">
          <li>
            <Link href={`/articles/${article.slug}/print`} prefetch={false}>
              Print this Article
            </Link>
          </li>
          <li>
            <Link href="/widgets">Free Widgets for your Site/Blog</Link>
          </li>
        </ul>
        <ArticleBody markdown={article.body} />
        <RelatedArticles articles={related} />
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: jsonLdText(articleJsonLd(article, posts, postCount)) }}
        />
        <Discussion article={article} page={shownPage} pages={pages}>
          <CommentForm slug={article.slug} discussionOpen={article.discussionOpen} action={postCommentFromForm} />
          <FollowDiscussion slug={article.slug} action={followDiscussionFromForm} />
          <LoginBox action={logInFromForm} callbackPath={here} />
        </Discussion>
      </article>
      <Sidebar />
    </div>
  );
}
