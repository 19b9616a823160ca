import Link from "next/link";
import { formatDate } from "@/lib/calendar";
import type { QueueItem as Item } from "@/lib/moderation/queue";
import { BAN_DURATIONS } from "@/lib/moderation/schema";
import { describeBan } from "@/lib/moderation/wording";
import { isBanned } from "@/lib/moderation/bans";
import { PostBody } from "@/components/discussion/post-body";
import { PanelForm } from "./action-panel";

const NO_MENTIONS = new Map<string, number>();

/** One post waiting for a moderator: why it is here, who really wrote it, and what can be done. */
export function QueueItem({ item, selectionForm }: { item: Item; selectionForm: string }) {
  const heading = `queue-item-${item.id}-heading`;
  const held = item.status === "PENDING";
  return (
    <li className="queue-item" data-queue-item tabIndex={-1} aria-labelledby={heading} aria-describedby="queue-keys">
      <header className="queue-item__header">
        <h2 id={heading} className="queue-item__title">
          {item.postedAs} on <Link href={`/articles/${item.article.slug}${item.number ? `#post-${item.number}` : ""}`}>{item.article.title}</Link>
          {item.number && <span className="muted"> (Post {item.number})</span>}
        </h2>
        <ul className="queue-item__reasons" aria-label="Why it is here">
          {item.reasons.map((reason) => (
            <li key={reason} className="badge">
              {reason}
            </li>
          ))}
        </ul>
        <label className="queue-item__select">
          <input type="checkbox" name="selected" value={`${item.id}:${item.version}`} form={selectionForm} /> Select
        </label>
      </header>
      <PosterFacts item={item} />
      <PostBody body={item.body} mentionTargets={NO_MENTIONS} />
      {item.reports.length > 0 && (
        <ul className="queue-item__reports" aria-label="Reports">
          {item.reports.map((report, i) => (
            <li key={i}>
              Reported {formatDate(report.createdAt)}: “{report.reason}”
            </li>
          ))}
        </ul>
      )}
      <PanelForm className="queue-item__actions" aria-label={`Moderate post #${item.id}`}>
        <PostFields item={item} />
        <label>
          Reason <span className="muted">(optional, for the log)</span>
          <input type="text" name="reason" maxLength={500} />
        </label>
        <div className="queue-item__buttons">
          {held ? (
            <button type="submit" name="intent" value="approve" className="button" data-shortcut="approve">
              Approve
            </button>
          ) : (
            <button type="submit" name="intent" value="dismiss-reports" className="button" data-shortcut="approve">
              Keep (dismiss reports)
            </button>
          )}
          <button type="submit" name="intent" value="reject" className="button button--secondary" data-shortcut="reject">
            Reject
          </button>
          <button type="submit" name="intent" value="spam" className="button button--secondary">
            Spam
          </button>
          <button type="submit" name="intent" value="delete" className="button button--secondary">
            Delete
          </button>
        </div>
      </PanelForm>
      <details className="queue-item__more">
        <summary>Edit the text</summary>
        <PanelForm aria-label={`Edit post #${item.id}`}>
          <PostFields item={item} />
          <label>
            Text
            <textarea name="body" defaultValue={item.body} rows={6} maxLength={5000} required />
          </label>
          <label>
            Reason <span className="muted">(optional)</span>
            <input type="text" name="reason" maxLength={500} />
          </label>
          <button type="submit" name="intent" value="edit" className="button">
            Save edit
          </button>
        </PanelForm>
      </details>
      {item.author && <BanForm author={item.author} />}
    </li>
  );
}

function PostFields({ item }: { item: Item }) {
  return (
    <>
      <input type="hidden" name="commentId" value={item.id} />
      <input type="hidden" name="expectedVersion" value={item.version} />
    </>
  );
}

function PosterFacts({ item }: { item: Item }) {
  const { author, history } = item;
  return (
    <dl className="queue-item__facts">
      <div>
        <dt>Written</dt>
        <dd>
          <time dateTime={item.createdAt.toISOString()}>{formatDate(item.createdAt)}</time>
          {item.editedAt && " (edited by a moderator)"}
        </dd>
      </div>
      <div>
        <dt>Real author</dt>
        <dd>
          {author ? `${author.username}${item.anonymous ? ` (posted anonymously as ${item.postedAs})` : ""}` : "a guest (not signed in)"}
          {author?.bannedUntil && isBanned(author) && <strong className="queue-item__banned"> — {describeBan(author.bannedUntil)}</strong>}
        </dd>
      </div>
      <div>
        <dt>Address (hashed)</dt>
        <dd>
          <code>{item.ipHash ?? "not recorded"}</code>
        </dd>
      </div>
      <div>
        <dt>{history?.of === "address" ? "From this address" : "History"}</dt>
        <dd>{history ? `${history.approved} approved, ${history.rejected} rejected, ${history.spam} spam` : "none"}</dd>
      </div>
    </dl>
  );
}

function BanForm({ author }: { author: NonNullable<Item["author"]> }) {
  if (isBanned(author)) {
    return (
      <PanelForm className="queue-item__ban" aria-label={`Lift the ban on ${author.username}`}>
        <input type="hidden" name="userId" value={author.id} />
        <button type="submit" name="intent" value="unban" className="button button--secondary">
          Lift {author.username}&apos;s ban
        </button>
      </PanelForm>
    );
  }
  return (
    <details className="queue-item__more">
      <summary>Ban {author.username}</summary>
      <PanelForm aria-label={`Ban ${author.username}`}>
        <input type="hidden" name="userId" value={author.id} />
        <label>
          For
          <select name="duration" defaultValue="7">
            {BAN_DURATIONS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason <span className="muted">(recorded in the log)</span>
          <input type="text" name="reason" minLength={3} maxLength={500} required />
        </label>
        <button type="submit" name="intent" value="ban" className="button">
          Ban {author.username}
        </button>
      </PanelForm>
    </details>
  );
}
