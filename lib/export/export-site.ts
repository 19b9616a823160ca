import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/config";
import { assertCanAdminister } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import { toJson } from "./json";
import type { ExportFormat } from "./schema";
import { loadSiteData } from "./site-data";
import { toWxr } from "./wxr";

export type SiteExport = { body: string; contentType: string; filename: string; articles: number; posts: number };

const CONTENT_TYPE: Record<ExportFormat, string> = {
  wxr: "application/rss+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};
const EXTENSION: Record<ExportFormat, string> = { wxr: "xml", json: "json" };

/** The site as a file in `format`: for `npm run export`, which runs with the operator's shell access. */
export async function writeSiteExport(client: PrismaClient, format: ExportFormat, now = new Date()): Promise<SiteExport> {
  const data = await loadSiteData(client);
  const site = siteUrl();
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return {
    body: format === "wxr" ? toWxr(data, site, now) : toJson(data, site, now),
    contentType: CONTENT_TYPE[format],
    filename: `quire-export-${stamp}.${EXTENSION[format]}`,
    articles: data.articles.length,
    posts: data.articles.reduce((n, article) => n + article.posts.length, 0),
  };
}

/** The download in /admin: admins only, checked here whatever calls it. */
export async function exportSiteForAdmin(actor: Actor, format: ExportFormat): Promise<SiteExport> {
  assertCanAdminister(actor);
  return writeSiteExport(db, format);
}
