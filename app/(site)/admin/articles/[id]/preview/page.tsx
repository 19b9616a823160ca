import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { getArticleForPreview } from "@/lib/editorial/queries";
import { articleRefSchema } from "@/lib/editorial/schema";
import { ArticleBody } from "@/components/articles/article-body";
import { ArticleDetails } from "@/components/articles/article-details";
import { StatusBadge } from "@/components/editorial/status-badge";

export const metadata: Metadata = { title: "Preview — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The saved article as readers will see it, drafts included, drawn by the public page's own components. */
export default async function PreviewArticlePage({ params }: Props) {
  const parsed = articleRefSchema.safeParse({ articleId: (await params).id });
  const articleId = parsed.success ? parsed.data.articleId : 0;
  const article = await loadStaffPage(`/admin/articles/${articleId}/preview`, (actor) => getArticleForPreview(actor, articleId));
  return (
    <>
      <p className="moderation-notice">
        Preview of the last saved version (<StatusBadge article={{ ...article, deletedAt: null }} />
        ). <Link href={`/admin/articles/${article.id}`}>Back to the editor</Link>
      </p>
      <article className="article" aria-labelledby="article-title">
        <p className="article__category">{article.category.name}</p>
        <h1 id="article-title">{article.title}</h1>
        <ArticleDetails article={article} />
        <ArticleBody markdown={article.body} />
      </article>
    </>
  );
}
