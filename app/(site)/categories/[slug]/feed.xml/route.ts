import { categoryFeed, feedResponse } from "@/lib/feeds/feeds";

/** One category's latest articles as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse(await categoryFeed((await params).slug), "rss");
}
