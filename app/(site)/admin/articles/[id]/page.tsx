import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { toSiteWallClock } from "@/lib/calendar";
import { renderArticlePreview } from "@/lib/editorial/preview";
import { editorChoices, getArticleForEditing, type ArticleForEditing } from "@/lib/editorial/queries";
import { articleRefSchema, autosaveSchema } from "@/lib/editorial/schema";
import { ArticleEditor, type EditorArticle, type KeptDraft } from "@/components/editorial/article-editor";
import { StatusBadge } from "@/components/editorial/status-badge";
import { ArticleActionButton } from "@/components/editorial/article-action-button";
import { deleteArticleFromForm, discardAutosaveFromForm, restoreArticleFromForm, saveArticleFromForm } from "../actions";

export const metadata: Metadata = { title: "Edit article — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The autosaved text, offered back only when it is newer than the article's latest save. */
function keptDraftOf(article: ArticleForEditing): KeptDraft | null {
  const kept = article.autosave;
  if (!kept) return null;
  const draft = autosaveSchema.shape.draft.safeParse(JSON.parse(kept.draft));
  if (!draft.success) return null;
  return { ...draft.data, savedAt: kept.savedAt.toISOString(), baseRevision: kept.baseRevision };
}

function editorArticle(article: ArticleForEditing): EditorArticle {
  return {
    ...article,
    hasBeenPublic: article.status === "PUBLISHED" || (article.status === "DRAFT" && article.publishedAt !== null),
    scheduledFor: article.status === "SCHEDULED" && article.publishedAt ? toSiteWallClock(article.publishedAt) : null,
  };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const parsed = articleRefSchema.safeParse({ articleId: (await params).id });
  const articleId = parsed.success ? parsed.data.articleId : 0;
  const { saved } = await searchParams;
  const { article, choices, userId, preview } = await loadStaffPage(`/admin/articles/${articleId}`, async (actor) => {
    const article = await getArticleForEditing(actor, articleId);
    return {
      article,
      choices: await editorChoices(actor),
      userId: actor!.id,
      preview: renderArticlePreview(actor, article.body),
    };
  });
  return (
    <>
      <h1>Edit “{article.title}”</h1>
      <p className="lead">
        <StatusBadge article={article} /> · revision {article.revision} ·{" "}
        <Link href={`/admin/articles/${article.id}/preview`}>Preview as readers will see it</Link> ·{" "}
        <Link href={`/admin/articles/${article.id}/revisions`}>Revisions</Link>
        {article.status === "PUBLISHED" && (
          <>
            {" "}
            · <Link href={`/articles/${article.slug}`}>View on the site</Link>
          </>
        )}
      </p>
      {typeof saved === "string" && (
        <p className="form-success" role="status">
          Saved as revision {saved}.
        </p>
      )}
      {article.deletedAt ? (
        <div className="moderation-notice">
          <p>This article is in the bin. Restore it to edit it again.</p>
          <ArticleActionButton action={restoreArticleFromForm} fields={{ articleId: article.id }} label="Restore from the bin" />
        </div>
      ) : (
        <>
          <ArticleEditor
            article={editorArticle(article)}
            choices={choices}
            currentUserId={userId}
            action={saveArticleFromForm}
            initialPreview={preview}
            keptDraft={keptDraftOf(article)}
          />
          {article.autosave && (
            <ArticleActionButton
              action={discardAutosaveFromForm}
              fields={{ articleId: article.id }}
              label="Discard the autosaved changes"
            />
          )}
          <ArticleActionButton action={deleteArticleFromForm} fields={{ articleId: article.id }} label="Move to the bin" />
        </>
      )}
    </>
  );
}
