"use client";
import { useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { typedValue, errorsOf, type FormAction, type FormState } from "@/lib/form-state";
import { articleFieldsSchema } from "@/lib/editorial/schema";
import type { ArticleSaved } from "@/lib/editorial/saved";
import { slugify } from "@/lib/slugs";
import { FieldError, FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";
import { requestJson } from "@/components/site/request-json";
import { ImageUpload } from "./image-upload";

/** What the editor opens: a saved article, or nothing yet (a new one). */
export type EditorArticle = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED";
  /** Whether readers have seen it: then its address no longer follows the title. */
  hasBeenPublic: boolean;
  /** The site's wall clock of a scheduled publication, "YYYY-MM-DDTHH:MM". */
  scheduledFor: string | null;
  categoryId: number;
  authorId: number;
  editorId: number | null;
  tags: string[];
  revision: number;
};

export type EditorChoices = {
  categories: { id: number; name: string }[];
  people: { id: number; username: string; displayName: string | null }[];
};

/** The editor's unsaved text from autosave, offered back when it is newer than the saved article. */
export type KeptDraft = { savedAt: string; baseRevision: number; title: string; summary: string; body: string; tags?: string };

type Fields = {
  title: string;
  summary: string;
  body: string;
  categoryId: string;
  authorId: string;
  tags: string;
  slug: string;
};

const AUTOSAVE_EVERY_MS = 5000;
const PREVIEW_AFTER_MS = 300;
const previewAnswer = z.object({ html: z.string() });
const autosaveAnswer = z.object({ savedAt: z.string() });

function initialFields(article: EditorArticle | null, choices: EditorChoices, currentUserId: number, state: FormState): Fields {
  const typed = (name: keyof Fields, saved: string) => typedValue(state, name) ?? saved;
  return {
    title: typed("title", article?.title ?? ""),
    summary: typed("summary", article?.summary ?? ""),
    body: typed("body", article?.body ?? ""),
    categoryId: typed("categoryId", String(article?.categoryId ?? choices.categories[0]?.id ?? "")),
    authorId: typed("authorId", String(article?.authorId ?? currentUserId)),
    tags: typed("tags", article?.tags.join(", ") ?? ""),
    slug: typed("slug", article?.slug ?? ""),
  };
}

/**
 * The article editor: every field, a live preview rendered by the server with
 * the public page's own code, pictures, autosave, a warning before leaving with
 * unsaved changes, and Ctrl/⌘+S to save. It is one form posting to a server
 * action, so it also works without JavaScript (no preview updates, autosave
 * or shortcuts then). The fields are the editor's own state: a refused save
 * (someone else saved first) leaves every word on screen.
 */
export function ArticleEditor({
  article,
  choices,
  currentUserId,
  action,
  initialPreview,
  keptDraft,
}: {
  article: EditorArticle | null;
  choices: EditorChoices;
  currentUserId: number;
  action: FormAction<ArticleSaved>;
  initialPreview: string;
  keptDraft: KeptDraft | null;
}) {
  const form = useFormAction(action as FormAction, { schema: articleFieldsSchema, followRedirect: article === null });
  const state = form.state as FormState<ArticleSaved>;
  const [fields, setFields] = useState<Fields>(() => initialFields(article, choices, currentUserId, state));
  const [baseRevision, setBaseRevision] = useState(article?.revision ?? 0);
  const [status, setStatus] = useState(article?.status ?? "DRAFT");
  const [hasBeenPublic, setHasBeenPublic] = useState(article?.hasBeenPublic ?? false);
  const [dirty, setDirty] = useState(state.status === "error");
  const [preview, setPreview] = useState(initialPreview);
  const [autosaved, setAutosaved] = useState<string | null>(null);
  const [draftOffer, setDraftOffer] = useState(keptDraft);
  const [recordAsEditor, setRecordAsEditor] = useState(true);
  const [publishAtLocal, setPublishAtLocal] = useState(typedValue(state, "publishAt") ?? article?.scheduledFor ?? "");
  const [scripted, setScripted] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastAutosaved = useRef<string>("");
  const id = useId();

  useEffect(() => setScripted(true), []);

  // A save in place (with script): carry on from the new revision.
  useEffect(() => {
    if (state.status !== "done" || !("saved" in state)) return;
    setBaseRevision(state.saved.revision);
    setStatus(state.saved.status);
    setFields((current) => ({ ...current, slug: state.saved.slug }));
    if (state.saved.status === "PUBLISHED") setHasBeenPublic(true);
    setDirty(false);
  }, [state]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Ctrl/⌘+S saves, in the browser's place of "save page".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveButton.current?.form?.requestSubmit(saveButton.current);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The live preview, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const answer = await requestJson("/api/admin/preview", previewAnswer, { method: "POST", body: { body: fields.body } });
      if (answer.ok) setPreview(answer.data.html);
    }, PREVIEW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [fields.body]);

  // Autosave: the unsaved text goes to the server every few seconds while it changes.
  useEffect(() => {
    if (!article || !dirty) return;
    const timer = setInterval(async () => {
      const draft = { title: fields.title, summary: fields.summary, body: fields.body, tags: fields.tags, slug: fields.slug };
      const text = JSON.stringify(draft);
      if (text === lastAutosaved.current) return;
      const answer = await requestJson(`/api/admin/articles/${article.id}/autosave`, autosaveAnswer, {
        method: "PUT",
        body: { baseRevision, draft },
      });
      if (answer.ok) {
        lastAutosaved.current = text;
        setAutosaved(new Date(answer.data.savedAt).toLocaleTimeString());
      }
    }, AUTOSAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [article, dirty, fields, baseRevision]);

  function change(name: keyof Fields, value: string) {
    setFields((current) => ({ ...current, [name]: value }));
    setDirty(true);
  }

  function insertIntoBody(markdown: string) {
    const area = bodyRef.current;
    const at = area ? area.selectionStart : fields.body.length;
    const before = fields.body.slice(0, at);
    const after = fields.body.slice(at);
    const gap = (text: string) => (text === "" || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n");
    change("body", `${before}${gap(before)}${markdown}\n\n${after.replace(/^\n+/, "")}`);
  }

  function restoreKeptDraft() {
    if (!draftOffer) return;
    setFields((current) => ({ ...current, ...draftOffer, tags: draftOffer.tags ?? current.tags }));
    setDirty(true);
    setDraftOffer(null);
  }

  const field = (name: keyof Fields) => {
    const errors = errorsOf(state, name);
    return {
      id: `${id}-${name}`,
      name,
      value: fields[name],
      "aria-invalid": errors?.length ? true : undefined,
      "aria-describedby": errors?.length ? `${id}-${name}-error` : undefined,
      onChange: (event: { target: { value: string } }) => change(name, event.target.value),
    };
  };
  const errorFor = (name: string) => <FieldError id={`${id}-${name}-error`} messages={errorsOf(state, name)} />;
  const publishAtIso = publishAtLocal && scripted ? new Date(publishAtLocal).toISOString() : "";
  const followsTitle = !hasBeenPublic;
  const isPublished = status === "PUBLISHED";

  return (
    <form action={form.formAction} onSubmit={form.onSubmit} ref={form.formRef} className="form article-editor" noValidate>
      <ScriptMarker />
      {article && <input type="hidden" name="articleId" value={article.id} />}
      {article && <input type="hidden" name="baseRevision" value={baseRevision} />}
      <FormMessage state={state} otherErrors={errorsOf(state, "_form")} />
      {draftOffer && (
        <div className="moderation-notice" role="status">
          <p>
            You have unsaved changes from {new Date(draftOffer.savedAt).toLocaleString()}, kept by autosave.{" "}
            <button type="button" onClick={restoreKeptDraft}>
              Restore them
            </button>
          </p>
        </div>
      )}
      <div className="article-editor__columns">
        <div className="article-editor__fields">
          <div className="field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input type="text" required maxLength={200} {...field("title")} />
            {errorFor("title")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-slug`}>Address</label>
            {followsTitle ? (
              <p className="hint" id={`${id}-slug`}>
                /articles/{slugify(fields.title) || "…"} — follows the title until the article is published.
              </p>
            ) : (
              <>
                <input type="text" maxLength={80} {...field("slug")} />
                <p className="hint">Changing it keeps the old address working: it answers with a permanent redirect here.</p>
              </>
            )}
            {errorFor("slug")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-summary`}>Summary</label>
            <textarea rows={2} required maxLength={500} {...field("summary")} />
            {errorFor("summary")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-categoryId`}>Category</label>
            <select {...field("categoryId")}>
              {choices.categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
            {errorFor("categoryId")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-tags`}>Tags</label>
            <input type="text" placeholder="light, physics, everyday science" {...field("tags")} />
            <p className="hint">Separate tags with commas.</p>
            {errorFor("tags")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-authorId`}>Written by</label>
            <select {...field("authorId")}>
              {choices.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName ?? person.username}
                </option>
              ))}
            </select>
            {errorFor("authorId")}
          </div>
          {Number(fields.authorId) !== currentUserId && (
            <div className="field field--checkbox">
              <input
                type="checkbox"
                id={`${id}-recordAsEditor`}
                name="recordAsEditor"
                checked={recordAsEditor}
                onChange={(event) => setRecordAsEditor(event.target.checked)}
              />
              <label htmlFor={`${id}-recordAsEditor`}>Record me as the editor (“Edited By”)</label>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-body`}>Text (Markdown)</label>
            <textarea rows={24} required className="article-editor__body" ref={bodyRef} {...field("body")} />
            {errorFor("body")}
          </div>
          <ImageUpload articleId={article?.id} onInserted={insertIntoBody} />
        </div>
        <section className="article-editor__preview" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Preview</h2>
          <h1 className="article-editor__preview-title">{fields.title || "Untitled"}</h1>
          <p className="lead">{fields.summary}</p>
          <div className="article-body" data-testid="live-preview" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      </div>
      <div className="article-editor__actions">
        {article ? (
          <>
            <button type="submit" name="intent" value="save" ref={saveButton} disabled={form.pending}>
              {isPublished ? "Update" : "Save draft"}
            </button>
            {!isPublished && (
              <button type="submit" name="intent" value="publish" disabled={form.pending}>
                Publish now
              </button>
            )}
            {isPublished && (
              <button type="submit" name="intent" value="unpublish" disabled={form.pending}>
                Unpublish
              </button>
            )}
            {!isPublished && (
              <span className="article-editor__schedule">
                <label htmlFor={`${id}-publishAt`}>Publish on</label>
                <input
                  type="datetime-local"
                  id={`${id}-publishAt`}
                  name={scripted ? "publishAtLocal" : "publishAt"}
                  value={publishAtLocal}
                  onChange={(event) => setPublishAtLocal(event.target.value)}
                />
                {scripted && <input type="hidden" name="publishAt" value={publishAtIso} />}
                <button type="submit" name="intent" value="schedule" disabled={form.pending}>
                  Schedule
                </button>
                {errorFor("publishAt")}
              </span>
            )}
          </>
        ) : (
          <button type="submit" ref={saveButton} disabled={form.pending}>
            Create draft
          </button>
        )}
        <span className="hint" role="status">
          {dirty
            ? `Unsaved changes${autosaved ? ` (kept by autosave at ${autosaved})` : ""}. Ctrl+S or ⌘+S saves.`
            : "All changes saved."}
        </span>
      </div>
    </form>
  );
}
