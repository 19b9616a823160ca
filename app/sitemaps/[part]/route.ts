import { listSitemapUrls, sitemapPartXml } from "@/lib/seo/sitemap";

/** `/sitemaps/<n>.xml`: one part of a sitemap too long for one file (see /sitemap.xml). */
export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).part);
  const xml = match ? await sitemapPartXml(await listSitemapUrls(), Number(match[1])) : null;
  if (!xml)
    return new Response("There is no such sitemap.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
