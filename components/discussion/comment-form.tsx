"use client";
import { useEffect } from "react";
import { BODY_MAX, BODY_MIN } from "@/lib/discussion/limits";
import type { FormAction } from "@/lib/form-state";
import { FieldError, FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";
import { useViewer } from "./viewer";

/**
 * "Post your comments". Rendered the same for every reader (it sits on the
 * cacheable article page) and works without JavaScript; once the page has
 * loaded it says who you will post as.
 */
export function CommentForm({ slug, discussionOpen, action }: { slug: string; discussionOpen: boolean; action: FormAction }) {
  const viewer = useViewer();
  const { refresh } = viewer;
  // A held post is answered in place (the page then lists it from /comments/mine), not by loading /posted.
  const { state, formAction, pending, formRef } = useFormAction(action, { followRedirect: false });
  useEffect(() => {
    if (state.status === "done") void refresh();
  }, [state, refresh]);

  if (!discussionOpen) return null;
  const values = state.status === "error" ? state.values : {};
  const fields = state.status === "error" ? state.fields : {};
  const guest = viewer.loaded && viewer.user === null;

  return (
    <form ref={formRef} action={formAction} className="form comment-form" aria-labelledby="comment-form-heading">
      <h3 id="comment-form-heading">Post your comments</h3>
      <PostingIdentity loaded={viewer.loaded} username={viewer.user?.username ?? null} />
      <input type="hidden" name="slug" value={slug} />
      <ScriptMarker />
      <div>
        <label htmlFor="comment-body">Your comment</label>
        <textarea
          key={`body-${state.status}`}
          id="comment-body"
          name="body"
          required
          maxLength={BODY_MAX}
          defaultValue={values.body ?? ""}
          aria-invalid={fields.body ? true : undefined}
          aria-describedby="comment-body-hint comment-body-error"
        />
        <p className="hint" id="comment-body-hint">
          Plain text, {BODY_MIN} to {BODY_MAX.toLocaleString("en-US")} characters. Leave a blank line between paragraphs. Links
          become clickable; write @name to reply to an earlier poster.
        </p>
        <FieldError id="comment-body-error" messages={fields.body} />
      </div>
      <div className="checkbox">
        <input
          key={guest ? "guest" : "member"}
          type="checkbox"
          id="comment-anonymous"
          name="anonymous"
          defaultChecked={guest || values.anonymous === "on"}
          disabled={guest}
          aria-describedby="comment-form-identity"
        />
        <label htmlFor="comment-anonymous">Post Anonymously</label>
      </div>
      {viewer.user && (
        <div className="checkbox">
          <input type="checkbox" id="comment-follow" name="follow" defaultChecked={values.follow === "on"} />
          <label htmlFor="comment-follow">Email me new posts in this discussion</label>
        </div>
      )}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="comment-website">Website (leave this empty)</label>
        <input type="text" id="comment-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <FormMessage state={state} otherErrors={[...(fields._form ?? []), ...(fields.anonymous ?? [])]} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </button>
      </div>
    </form>
  );
}

/** Who the post will appear as; until the browser knows the reader, the rule for everyone. */
function PostingIdentity({ loaded, username }: { loaded: boolean; username: string | null }) {
  return (
    <p className="hint" id="comment-form-identity">
      {!loaded && "Logged-in readers post under their username, or anonymously if they choose; guests post anonymously."}
      {loaded &&
        !username &&
        "You are not logged in, so your post will appear under an anonymous name (“anon” and a number) and may wait for a moderator before it is shown."}
      {username && (
        <>
          Posting as <strong>{username}</strong>.
        </>
      )}
    </p>
  );
}
