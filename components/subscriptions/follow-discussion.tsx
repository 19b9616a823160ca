"use client";
import { useEffect, useState } from "react";
import { z } from "zod";
import type { FormAction } from "@/lib/form-state";
import { FieldError, FormMessage } from "@/components/forms/form-messages";
import { ScriptMarker } from "@/components/forms/script-marker";
import { useFormAction } from "@/components/forms/use-form-action";
import { requestJson } from "@/components/site/request-json";
import { useViewer } from "@/components/discussion/viewer";

const followingAnswer = z.object({ following: z.boolean() });

/**
 * "Email me new posts in this discussion", on every article. The page is the
 * same for everyone, so it starts as the guest's form (an address to
 * confirm), which also works without JavaScript; once the browser knows a
 * reader is signed in, it becomes a one-click button that says whether they follow.
 */
export function FollowDiscussion({ slug, action }: { slug: string; action: FormAction<{ following?: boolean }> }) {
  const viewer = useViewer();
  const { state, formAction, pending, formRef } = useFormAction(action as FormAction, { followRedirect: false });
  const [following, setFollowing] = useState<boolean | null>(null);
  const signedIn = viewer.loaded && viewer.user !== null;

  useEffect(() => {
    if (!signedIn) return;
    void requestJson(`/api/articles/${encodeURIComponent(slug)}/subscription`, followingAnswer).then(
      (answer) => answer.ok && setFollowing(answer.data.following),
    );
  }, [signedIn, slug]);
  useEffect(() => {
    if (state.status === "done" && "following" in state) setFollowing(Boolean(state.following));
  }, [state]);

  const fields = state.status === "error" ? state.fields : {};
  return (
    <form ref={formRef} action={formAction} className="form follow-discussion" aria-labelledby="follow-heading">
      <h3 id="follow-heading">Follow this discussion</h3>
      <input type="hidden" name="slug" value={slug} />
      <ScriptMarker />
      {signedIn ? (
        <>
          {following && <input type="hidden" name="stop" value="1" />}
          <p className="hint">
            {following
              ? "You get an email when there are new posts here, at most one every 15 minutes."
              : "Get an email when there are new posts here, at most one every 15 minutes."}
          </p>
          <button type="submit" className="button" disabled={pending || following === null}>
            {following ? "Stop emails about this discussion" : "Email me new posts in this discussion"}
          </button>
        </>
      ) : (
        <>
          <div>
            <label htmlFor="follow-email">Your email address</label>
            <input
              id="follow-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              aria-invalid={fields.email ? true : undefined}
              aria-describedby="follow-email-hint follow-email-error"
            />
            <p className="hint" id="follow-email-hint">
              We send a link to confirm first; after that, at most one email every 15 minutes, each with a link to stop.
            </p>
            <FieldError id="follow-email-error" messages={fields.email} />
          </div>
          <button type="submit" className="button" disabled={pending}>
            Email me new posts in this discussion
          </button>
        </>
      )}
      <FormMessage state={state} />
    </form>
  );
}
