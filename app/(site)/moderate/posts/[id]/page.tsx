import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { getPostForReview } from "@/lib/moderation/review";
import { listModerationLog } from "@/lib/moderation/log";
import { ActionPanel } from "@/components/moderation/action-panel";
import { PostReview } from "@/components/moderation/post-review";
import { LogTable } from "@/components/moderation/log-table";
import { moderate } from "../../actions";

export const metadata: Metadata = { title: "Moderate a post", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** One post, whatever its status: every action that applies to it, and its history with undo. */
export default async function ModeratePostPage({ params }: Props) {
  const { id } = await params;
  const found = await loadStaffPage(`/moderate/posts/${encodeURIComponent(id)}`, async (actor) => {
    // Ids start at 1, so 0 names no post: an id that is not a number is still checked, then not found.
    const post = await getPostForReview(actor, /^\d+$/.test(id) ? Number(id) : 0);
    return post && { post, entries: (await listModerationLog(actor, { post: post.id })).entries };
  });
  if (!found) notFound();
  const { post, entries } = found;
  return (
    <>
      <h1>Post #{post.id}</h1>
      <ActionPanel action={moderate}>
        <PostReview post={post} />
        <h2>History</h2>
        {entries.length === 0 ? <p>No moderation actions yet.</p> : <LogTable entries={entries} />}
      </ActionPanel>
    </>
  );
}
