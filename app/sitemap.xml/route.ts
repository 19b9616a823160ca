import { listSitemapUrls, sitemapXml } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await sitemapXml(await listSitemapUrls()), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
