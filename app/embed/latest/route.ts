import { siteUrl } from "@/lib/config";
import { latestEmbed, noSuchCategoryEmbed } from "@/lib/widgets/embed-html";
import { embedResponse } from "@/lib/widgets/embed-response";
import { getLatestArticlesWidget } from "@/lib/widgets/queries";
import { latestWidgetQuery, queryOf } from "@/lib/widgets/schema";

export const dynamic = "force-dynamic";

/** The "Latest articles" embed, `?category=<slug>` for one category. */
export async function GET(request: Request) {
  const query = latestWidgetQuery.safeParse(queryOf(new URL(request.url)));
  const latest = query.success ? await getLatestArticlesWidget(query.data.category) : null;
  if (!latest) return embedResponse(noSuchCategoryEmbed(siteUrl()), 404);
  return embedResponse(latestEmbed(siteUrl(), latest));
}
