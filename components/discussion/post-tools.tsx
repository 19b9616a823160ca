"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useEditablePost, useViewer } from "./viewer";
import { EditPostForm } from "./edit-post-form";
import { ReportPostForm } from "./report-post-form";
import { DeletePostButton } from "./delete-post-button";

/**
 * A post's buttons, shown only once the browser knows the reader: Edit and
 * Delete on their own posts while the edit window lasts, Report on everyone
 * else's. The server sends none of this, so the page stays the same for all.
 * The server checks every one of these actions again; hiding is not permission.
 */
export function PostTools({ postId }: { postId: number }) {
  const viewer = useViewer();
  const editable = useEditablePost(postId);
  const router = useRouter();
  const [open, setOpen] = useState<"edit" | "report" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!viewer.loaded) return null;
  const own = viewer.posts.some((post) => post.id === postId);

  async function changed(message: string) {
    setOpen(null);
    setNotice(message);
    await viewer.refresh();
    router.refresh();
  }
  const toggle = (panel: "edit" | "report") => () => setOpen(open === panel ? null : panel);

  return (
    <div className="post-tools">
      <div className="post-tools__buttons">
        {editable && (
          <button type="button" className="link-button" aria-expanded={open === "edit"} onClick={toggle("edit")}>
            Edit
          </button>
        )}
        {editable && <DeletePostButton postId={postId} onDeleted={() => changed("Your post was deleted.")} />}
        {!own && (
          <button type="button" className="link-button" aria-expanded={open === "report"} onClick={toggle("report")}>
            Report
          </button>
        )}
      </div>
      {open === "edit" && editable && (
        <EditPostForm post={editable} onSaved={(message) => changed(message)} onCancel={() => setOpen(null)} />
      )}
      {open === "report" && <ReportPostForm postId={postId} onCancel={() => setOpen(null)} />}
      {notice && (
        <p className="form-success" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
