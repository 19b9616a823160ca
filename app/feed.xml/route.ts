import { feedResponse, siteFeed } from "@/lib/feeds/feeds";

export const dynamic = "force-dynamic";

/** The latest articles as RSS 2.0. */
export async function GET() {
  return feedResponse(await siteFeed(), "rss");
}
