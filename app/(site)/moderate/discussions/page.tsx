import type { Metadata } from "next";
import Link from "next/link";
import { LOG_REASON_MAX } from "@/lib/moderation/limits";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listDiscussions } from "@/lib/moderation/discussion";
import { ActionPanel, PanelForm } from "@/components/moderation/action-panel";
import { changeDiscussion } from "../actions";

export const metadata: Metadata = { title: "Discussions", robots: { index: false } };

export default async function DiscussionsPage() {
  const articles = await loadStaffPage("/moderate/discussions", listDiscussions);
  return (
    <>
      <h1>Discussions</h1>
      <p className="lead">Close an article&apos;s discussion to stop new posts; what readers wrote stays readable.</p>
      <ActionPanel action={changeDiscussion}>
        <ul className="discussion-states">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/articles/${article.slug}#discussion`}>{article.title}</Link>{" "}
              <span className={article.discussionOpen ? "badge" : "badge badge--closed"}>
                {article.discussionOpen ? "open" : "closed"}
              </span>
              {article._count.comments > 0 && <span className="muted"> {article._count.comments} waiting</span>}
              <PanelForm className="discussion-states__form" aria-label={`Discussion of ${article.title}`}>
                <input type="hidden" name="articleId" value={article.id} />
                <label>
                  <span className="visually-hidden">Reason for the log (optional)</span>
                  <input type="text" name="reason" maxLength={LOG_REASON_MAX} placeholder="Reason (optional)" />
                </label>
                <button
                  type="submit"
                  name="state"
                  value={article.discussionOpen ? "closed" : "open"}
                  className="button button--secondary"
                >
                  {article.discussionOpen ? "Close discussion" : "Reopen discussion"}
                </button>
              </PanelForm>
            </li>
          ))}
        </ul>
      </ActionPanel>
    </>
  );
}
