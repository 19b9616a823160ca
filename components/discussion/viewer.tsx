"use client";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { fetchCurrentUser, type CurrentUser } from "@/components/accounts/use-current-user";
import { requestJson } from "@/components/site/request-json";

export type ViewerUser = CurrentUser;

/** One of the viewer's own posts, as GET /api/articles/<slug>/comments/mine returns it. */
export type ViewerPost = {
  id: number;
  number: number | null;
  status: "pending" | "approved";
  body: string;
  posterName: string;
  createdAt: string;
  editedAt: string | null;
  editableUntil: string | null;
};

type Viewer = {
  /** False until the browser has asked who is reading; the server-rendered page never knows. */
  loaded: boolean;
  user: ViewerUser | null;
  posts: ViewerPost[];
  refresh: () => Promise<void>;
};

const ViewerContext = createContext<Viewer>({ loaded: false, user: null, posts: [], refresh: async () => {} });

/**
 * Fills in the personal parts of the discussion after the page loads: who is
 * signed in, and the reader's own pending and still-editable posts. The server
 * sends the same HTML to every reader; only this reads anything personal.
 */
export function DiscussionViewer({ slug, children }: { slug: string; children: React.ReactNode }) {
  const [viewer, setViewer] = useState<Omit<Viewer, "refresh">>({ loaded: false, user: null, posts: [] });
  const refresh = useCallback(async () => {
    const [user, mine] = await Promise.all([
      fetchCurrentUser(),
      requestJson<{ posts: ViewerPost[] }>(`/api/articles/${encodeURIComponent(slug)}/comments/mine`),
    ]);
    setViewer({ loaded: true, user, posts: mine.ok ? mine.data.posts : [] });
  }, [slug]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <ViewerContext value={{ ...viewer, refresh }}>{children}</ViewerContext>;
}

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

/** The viewer's own post with this id, if they may still edit it. */
export function useEditablePost(postId: number): ViewerPost | undefined {
  const { posts } = useViewer();
  return posts.find((post) => post.id === postId && post.editableUntil !== null && new Date(post.editableUntil) > new Date());
}
