import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/config";

export const dynamic = "force-dynamic";

/** Crawlers may read every public page, never the back office, moderation or the API. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/moderate", "/api", "/account", "/search"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
