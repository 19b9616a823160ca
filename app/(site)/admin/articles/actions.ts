"use server";

import { refresh } from "next/cache";
import { formAction } from "@/lib/forms";
import { createArticle, deleteArticle, restoreArticle, saveArticle } from "@/lib/editorial/articles";
import { discardAutosave } from "@/lib/editorial/autosave";
import { restoreRevision } from "@/lib/editorial/revisions";
import {
  articleFieldsSchema,
  articleRefSchema,
  restoreRevisionSchema,
  saveArticleSchema,
  type SaveIntent,
} from "@/lib/editorial/schema";
import type { ArticleSaved } from "@/lib/editorial/saved";
import { describeSave } from "@/lib/editorial/saved";

// Server actions are public endpoints: each parses its form with the schema the
// JSON API uses and calls the same lib/editorial function, which checks the
// actor itself. The back office being hidden from others is not the check.

const editorPath = (id: number) => `/admin/articles/${id}`;

export const createArticleFromForm = formAction<ReturnType<typeof articleFieldsSchema.parse>, ArticleSaved>(
  articleFieldsSchema,
  async (fields, { actor }) => {
    const saved = await createArticle(actor, fields);
    return { message: describeSave(saved, "save"), redirectTo: editorPath(saved.id), saved };
  },
);

export const saveArticleFromForm = formAction<ReturnType<typeof saveArticleSchema.parse>, ArticleSaved>(
  saveArticleSchema,
  async (input, { actor }) => {
    const saved = await saveArticle(actor, input);
    return {
      message: describeSave(saved, input.intent as SaveIntent),
      redirectTo: `${editorPath(saved.id)}?saved=${saved.revision}`,
      saved,
    };
  },
);

export const deleteArticleFromForm = formAction(articleRefSchema, async ({ articleId }, { actor }) => {
  await deleteArticle(actor, articleId);
  refresh();
  return {
    message: "Moved to the bin. It is off the site; restore it from the bin at any time.",
    redirectTo: "/admin?status=DELETED",
  };
});

export const restoreArticleFromForm = formAction(articleRefSchema, async ({ articleId }, { actor }) => {
  await restoreArticle(actor, articleId);
  refresh();
  return { message: "Restored as a draft.", redirectTo: editorPath(articleId) };
});

export const restoreRevisionFromForm = formAction(restoreRevisionSchema, async (input, { actor }) => {
  const saved = await restoreRevision(actor, input);
  refresh();
  return { message: `Revision ${input.number} restored as revision ${saved.revision}.`, redirectTo: editorPath(saved.id) };
});

export const discardAutosaveFromForm = formAction(articleRefSchema, async ({ articleId }, { actor }) => {
  await discardAutosave(actor, articleId);
  refresh();
  return { message: "Unsaved changes discarded.", redirectTo: editorPath(articleId) };
});
