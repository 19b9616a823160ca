import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listModerationQueue } from "@/lib/moderation/queue";
import { POST_ACTIONS } from "@/lib/moderation/schema";
import { describeAction } from "@/lib/moderation/wording";
import { ActionPanel, PanelForm } from "@/components/moderation/action-panel";
import { PostReview } from "@/components/moderation/post-review";
import { ReasonField } from "@/components/moderation/reason-field";
import { QueueKeyboard } from "@/components/moderation/queue-keyboard";
import { moderate } from "./actions";

export const metadata: Metadata = { title: "Moderation queue", robots: { index: false } };

const SELECTION_FORM = "queue-selection";

export default async function ModerationQueuePage() {
  const { items, total } = await loadStaffPage("/moderate", listModerationQueue);
  return (
    <>
      <h1>Moderation queue</h1>
      <p className="lead">
        {total === 0
          ? "Nothing is waiting. Well done."
          : `${total} post${total === 1 ? "" : "s"} waiting, longest-waiting first.`}
        {total > items.length && ` Showing the first ${items.length}.`}
      </p>
      <form method="get" action="/moderate/posts" className="log-filters" aria-label="Find a post">
        <label>
          Find any post: paste its address (its “Post N” link) or its id
          <input type="text" name="address" required />
        </label>
        <button type="submit" className="button button--secondary">
          Find
        </button>
      </form>
      <ActionPanel action={moderate}>
        {items.length > 0 && (
          <>
            <QueueKeyboard itemIds={items.map((item) => item.id)} />
            <PanelForm id={SELECTION_FORM} className="queue-selection" aria-label="Act on the selected posts">
              <label>
                Selected posts:
                <select name="action" defaultValue="approve">
                  {POST_ACTIONS.filter((a) => a !== "restore").map((action) => (
                    <option key={action} value={action}>
                      {describeAction(action).label}
                    </option>
                  ))}
                </select>
              </label>
              <ReasonField />
              <button type="submit" name="intent" value="selection" className="button button--secondary">
                Apply to selected
              </button>
            </PanelForm>
            <ol className="queue">
              {items.map((item) => (
                <PostReview key={item.id} post={item} inQueue={{ selectionForm: SELECTION_FORM }} />
              ))}
            </ol>
          </>
        )}
      </ActionPanel>
    </>
  );
}
