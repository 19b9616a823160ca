import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { editorChoices } from "@/lib/editorial/queries";
import { ArticleEditor } from "@/components/editorial/article-editor";
import { createArticleFromForm } from "../actions";

export const metadata: Metadata = { title: "New article — back office", robots: { index: false } };

export default async function NewArticlePage() {
  const { choices, userId } = await loadStaffPage("/admin/articles/new", async (actor) => ({
    choices: await editorChoices(actor),
    userId: actor!.id,
  }));
  return (
    <>
      <h1>New article</h1>
      <p className="lead">It starts as a draft: nobody outside the back office sees it until you publish it.</p>
      <ArticleEditor
        article={null}
        choices={choices}
        currentUserId={userId}
        action={createArticleFromForm}
        initialPreview=""
        keptDraft={null}
      />
    </>
  );
}
