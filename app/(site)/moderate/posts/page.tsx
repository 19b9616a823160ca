import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { findPostId } from "@/lib/moderation/review";

export const metadata: Metadata = { title: "Find a post", robots: { index: false } };

type Props = { searchParams: Promise<{ address?: string | string[] }> };

/** Goes from a post's public address (or id) to its moderation page. */
export default async function FindPostPage({ searchParams }: Props) {
  const { address } = await searchParams;
  const text = typeof address === "string" ? address : "";
  const id = await loadStaffPage("/moderate", (actor) => findPostId(actor, text));
  if (id) redirect(`/moderate/posts/${id}`);
  return (
    <>
      <h1>Find a post</h1>
      <p>
        {text ? `We could not find a post at “${text}”.` : "Paste a post's address."} Copy the post&apos;s “Post N” link on the
        article page (it ends in <code>#post-N</code>), or give the post&apos;s id from the audit log.
      </p>
      <Link href="/moderate">Back to the queue</Link>
    </>
  );
}
