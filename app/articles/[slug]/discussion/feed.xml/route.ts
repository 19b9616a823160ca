import { discussionFeed, feedResponse } from "@/lib/feeds/feeds";

/** One article's approved posts, newest first, as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse(await discussionFeed((await params).slug), "rss");
}
