"use client";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { z } from "zod";
import { fetchCurrentUser, type CurrentUser } from "@/components/accounts/use-current-user";
import { requestJson } from "@/components/site/request-json";

export type ViewerUser = CurrentUser;

/** One of the viewer's own posts, as GET /api/articles/<slug>/comments/mine returns it (lib/discussion/queries.ts listOwnPosts). */
const viewerPostSchema = z.object({
  id: z.number(),
  number: z.number().nullable(),
  status: z.enum(["pending", "approved"]),
  body: z.string(),
  posterName: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().nullable(),
});
export type ViewerPost = z.infer<typeof viewerPostSchema>;
const ownPostsAnswer = z.object({ posts: z.array(viewerPostSchema) });

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
      requestJson(`/api/articles/${encodeURIComponent(slug)}/comments/mine`, ownPostsAnswer),
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
