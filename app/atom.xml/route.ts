import { feedResponse, siteFeed } from "@/lib/feeds/feeds";

export const dynamic = "force-dynamic";

/** The latest articles as Atom 1.0. */
export async function GET() {
  return feedResponse(await siteFeed(), "atom");
}
