import { siteUrl } from "@/lib/config";
import { getFactOfTheDay } from "@/lib/facts/queries";
import { factEmbed } from "@/lib/widgets/embed-html";
import { embedResponse } from "@/lib/widgets/embed-response";

export const dynamic = "force-dynamic";

/** The "Did you know?" embed: the sidebar's fact of the day. */
export async function GET() {
  return embedResponse(factEmbed(siteUrl(), await getFactOfTheDay()));
}
