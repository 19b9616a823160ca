import Link from "next/link";
import { formatDate } from "@/lib/calendar";
import { BODY_MAX } from "@/lib/discussion/limits";
import type { PostForReview } from "@/lib/moderation/review";
import { availableActions } from "@/lib/moderation/actions";
import { BAN_DURATIONS } from "@/lib/moderation/schema";
import { describeAction, describeBan, STATUS_WORDS } from "@/lib/moderation/wording";
import { isBanned } from "@/lib/moderation/bans";
import { PostBody } from "@/components/discussion/post-body";
import { PanelForm } from "./action-panel";
import { ReasonField } from "./reason-field";

const NO_MENTIONS = new Map<string, number>();

/**
 * A post as a moderator reviews it: why it needs attention, who really wrote
 * it, and the actions that apply to it now. In the queue it is a list item
 * the keyboard can move to (j / k) and select into the bulk form.
 */
export function PostReview({ post, inQueue }: { post: PostForReview; inQueue?: { selectionForm: string } }) {
  const heading = `post-review-${post.id}-heading`;
  const Tag = inQueue ? "li" : "article";
  const queueProps = inQueue ? { "data-queue-item": true, tabIndex: -1, "aria-describedby": "queue-keys" } : {};
  return (
    <Tag className="queue-item" aria-labelledby={heading} {...queueProps}>
      <ReviewHeader post={post} heading={heading} selectionForm={inQueue?.selectionForm} />
      <PosterFacts post={post} />
      <PostBody body={post.body} mentionTargets={NO_MENTIONS} />
      {post.originalBody !== null && (
        <details className="queue-item__more">
          <summary>The author&apos;s original text</summary>
          <PostBody body={post.originalBody} mentionTargets={NO_MENTIONS} />
        </details>
      )}
      {post.reports.length > 0 && (
        <ul className="queue-item__reports" aria-label="Reports">
          {post.reports.map((report, i) => (
            <li key={i}>
              Reported {formatDate(report.createdAt)}: “{report.reason}”
            </li>
          ))}
        </ul>
      )}
      <PanelForm className="queue-item__actions" aria-label={`Moderate post #${post.id}`}>
        <PostFields post={post} />
        <ReasonField />
        <ActionButtons post={post} />
      </PanelForm>
      <EditForm post={post} />
      {post.author && <BanForm author={post.author} />}
    </Tag>
  );
}

function ReviewHeader({ post, heading, selectionForm }: { post: PostForReview; heading: string; selectionForm?: string }) {
  const article = `/articles/${post.article.slug}${post.number ? `#post-${post.number}` : ""}`;
  return (
    <header className="queue-item__header">
      <h2 id={heading} className="queue-item__title">
        {post.postedAs} on <Link href={article}>{post.article.title}</Link>
        {post.number && <span className="muted"> (Post {post.number})</span>}
      </h2>
      <ul className="queue-item__reasons" aria-label="Why it needs attention">
        {/* In the queue a post is pending unless it says otherwise. */}
        {(!selectionForm || post.status !== "PENDING") && <li className="badge badge--status">{STATUS_WORDS[post.status]}</li>}
        {post.reasons.map((reason) => (
          <li key={reason} className="badge">
            {reason}
          </li>
        ))}
      </ul>
      {selectionForm && (
        <label className="queue-item__select">
          <input type="checkbox" name="selected" value={`${post.id}:${post.version}`} form={selectionForm} /> Select
        </label>
      )}
    </header>
  );
}

function EditForm({ post }: { post: PostForReview }) {
  return (
    <details className="queue-item__more">
      <summary>Edit the text</summary>
      <PanelForm aria-label={`Edit post #${post.id}`}>
        <PostFields post={post} />
        <label>
          Text
          <textarea name="body" defaultValue={post.body} rows={6} maxLength={BODY_MAX} required />
        </label>
        <ReasonField />
        <button type="submit" name="intent" value="edit" className="button">
          Save edit
        </button>
      </PanelForm>
    </details>
  );
}

/** Approve / restore first; "keep" for a reported post; a/r shortcuts on the first and on reject. */
function ActionButtons({ post }: { post: PostForReview }) {
  const actions = availableActions(post.status);
  const keep = post.status === "APPROVED" && post.reports.length > 0;
  return (
    <div className="queue-item__buttons">
      {keep && (
        <button type="submit" name="intent" value="dismiss-reports" className="button" data-shortcut="approve">
          Keep (dismiss reports)
        </button>
      )}
      {actions.map((action) => {
        const primary = action === "approve" || action === "restore";
        return (
          <button
            key={action}
            type="submit"
            name="intent"
            value={action}
            className={primary ? "button" : "button button--secondary"}
            data-shortcut={action === "approve" || action === "reject" ? action : undefined}
          >
            {describeAction(action).label}
          </button>
        );
      })}
    </div>
  );
}

function PostFields({ post }: { post: PostForReview }) {
  return (
    <>
      <input type="hidden" name="commentId" value={post.id} />
      <input type="hidden" name="expectedVersion" value={post.version} />
    </>
  );
}

function PosterFacts({ post }: { post: PostForReview }) {
  const { author, history } = post;
  return (
    <dl className="queue-item__facts">
      <div>
        <dt>Written</dt>
        <dd>
          <time dateTime={post.createdAt.toISOString()}>{formatDate(post.createdAt)}</time>
          {post.editedAt && " (edited by a moderator)"}
        </dd>
      </div>
      <div>
        <dt>Real author</dt>
        <dd>
          {author
            ? `${author.username}${post.anonymous ? ` (posted anonymously as ${post.postedAs})` : ""}`
            : "a guest (not signed in)"}
          {author?.bannedUntil && isBanned(author) && (
            <strong className="queue-item__banned"> — {describeBan(author.bannedUntil)}</strong>
          )}
        </dd>
      </div>
      <div>
        <dt>Address (hashed)</dt>
        <dd>
          <code>{post.ipHash ?? "not recorded"}</code>
        </dd>
      </div>
      <div>
        <dt>{history?.of === "address" ? "From this address" : "History"}</dt>
        <dd>{history ? `${history.approved} approved, ${history.rejected} rejected, ${history.spam} spam` : "none"}</dd>
      </div>
    </dl>
  );
}

function BanForm({ author }: { author: NonNullable<PostForReview["author"]> }) {
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
        <ReasonField hint="recorded in the log" required />
        <button type="submit" name="intent" value="ban" className="button">
          Ban {author.username}
        </button>
      </PanelForm>
    </details>
  );
}
