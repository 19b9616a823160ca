import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { formatDateTime } from "@/lib/calendar";
import { compareRevisions, listRevisions, type DiffPart } from "@/lib/editorial/revisions";
import { articleRefSchema, compareQuerySchema } from "@/lib/editorial/schema";
import { ArticleActionButton } from "@/components/editorial/article-action-button";
import { restoreRevisionFromForm } from "../../actions";

export const metadata: Metadata = { title: "Revisions — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What each kind of save is called in the list. */
function eventWords(event: string): string {
  if (event.startsWith("restore:")) return `restored revision ${event.slice("restore:".length)}`;
  const words: Record<string, string> = {
    create: "created",
    save: "saved",
    publish: "published",
    "publish:scheduled": "published as scheduled",
    schedule: "scheduled",
    unpublish: "unpublished",
    seed: "imported from the demo content",
  };
  return words[event] ?? event;
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const parsed = articleRefSchema.safeParse({ articleId: (await params).id });
  const articleId = parsed.success ? parsed.data.articleId : 0;
  const wanted = compareQuerySchema.safeParse(await searchParams);
  const { history, comparison } = await loadStaffPage(`/admin/articles/${articleId}/revisions`, async (actor) => {
    const history = await listRevisions(actor, articleId);
    const latest = history.revisions[0]?.number ?? 0;
    const [from, to] = wanted.success ? [wanted.data.from, wanted.data.to] : [Math.max(1, latest - 1), latest];
    const comparison = latest > 0 ? await compareRevisions(actor, articleId, Math.min(from, to), Math.max(from, to)) : null;
    return { history, comparison };
  });
  const { article, revisions } = history;
  return (
    <>
      <h1>Revisions of “{article.title}”</h1>
      <p className="lead">
        Every save, newest first. Choose two to compare; restoring one makes it the newest revision, so nothing is lost.{" "}
        <Link href={`/admin/articles/${article.id}`}>Back to the editor</Link>
      </p>
      <form method="get" action={`/admin/articles/${article.id}/revisions`} aria-label="Compare revisions">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Older</th>
              <th scope="col">Newer</th>
              <th scope="col">Revision</th>
              <th scope="col">What</th>
              <th scope="col">Who and when</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.number}>
                <td>
                  <input
                    type="radio"
                    name="from"
                    value={revision.number}
                    defaultChecked={comparison?.older.number === revision.number}
                    aria-label={`Compare from revision ${revision.number}`}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="to"
                    value={revision.number}
                    defaultChecked={comparison?.newer.number === revision.number}
                    aria-label={`Compare to revision ${revision.number}`}
                  />
                </td>
                <td>{revision.number}</td>
                <td>
                  {eventWords(revision.event)}: “{revision.title}”
                </td>
                <td>
                  {revision.savedBy.username}, {formatDateTime(revision.createdAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">Compare</button>
      </form>
      {comparison && (
        <section aria-labelledby="diff-heading" className="revision-diff">
          <h2 id="diff-heading">
            Changes from revision {comparison.older.number} to revision {comparison.newer.number}
          </h2>
          {comparison.older.number !== article.revision && !article.deletedAt && (
            <ArticleActionButton
              action={restoreRevisionFromForm}
              fields={{ articleId: article.id, number: comparison.older.number, baseRevision: article.revision }}
              label={`Restore revision ${comparison.older.number}`}
            />
          )}
          <h3>Title</h3>
          <Diff parts={comparison.title} />
          <h3>Summary</h3>
          <Diff parts={comparison.summary} />
          {comparison.changedFields.length > 0 && (
            <>
              <h3>Other fields</h3>
              <ul>
                {comparison.changedFields.map((field) => (
                  <li key={field.name}>
                    {field.name}: <del>{field.before}</del> → <ins>{field.after}</ins>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>Text</h3>
          <Diff parts={comparison.body} block />
        </section>
      )}
    </>
  );
}

/** A diff as text with insertions and deletions marked (and named for screen readers by the elements themselves). */
function Diff({ parts, block = false }: { parts: DiffPart[]; block?: boolean }) {
  const Tag = block ? "pre" : "p";
  return (
    <Tag className="revision-diff__text">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>{part.value}</ins>
        ) : part.removed ? (
          <del key={index}>{part.value}</del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </Tag>
  );
}
