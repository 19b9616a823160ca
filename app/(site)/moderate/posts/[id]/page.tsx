import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireModeratorForPage } from "@/lib/moderation/page-access";
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
  const moderator = await requireModeratorForPage(`/moderate/posts/${encodeURIComponent(id)}`);
  const post = /^\d+$/.test(id) ? await getPostForReview(moderator, Number(id)) : null;
  if (!post) notFound();
  const { entries } = await listModerationLog(moderator, { post: post.id });
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
