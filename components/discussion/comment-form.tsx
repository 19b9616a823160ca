/**
 * "Post your comments". Placeholder until the Discussion work lands.
 */
export function CommentForm(_props: { slug: string; discussionOpen: boolean }) {
  return null;
}
