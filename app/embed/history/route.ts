import { siteUrl } from "@/lib/config";
import { historyEmbed } from "@/lib/widgets/embed-html";
import { embedResponse } from "@/lib/widgets/embed-response";
import { getTodayInHistory } from "@/lib/widgets/queries";

export const dynamic = "force-dynamic";

/** The "Today in history" embed: the site's today. */
export async function GET() {
  return embedResponse(historyEmbed(siteUrl(), await getTodayInHistory()));
}
