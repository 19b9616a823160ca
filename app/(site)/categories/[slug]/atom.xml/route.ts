import { categoryFeed, feedResponse } from "@/lib/feeds/feeds";

/** One category's latest articles as Atom 1.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse(await categoryFeed((await params).slug), "atom");
}
