import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_SETTINGS, siteSettingsSchema, type SiteSettings } from "./schema";

/**
 * Current site settings. Read from the database on each call (one small
 * query) so a change made by an admin, or by another server process, applies
 * at once. A row that fails validation is ignored in favour of the default.
 */
export async function getSiteSettings(): Promise<SiteSettings> {
  const rows = await db.siteSetting.findMany();
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    try {
      const candidate = { ...DEFAULT_SETTINGS, [row.key]: JSON.parse(row.value) };
      if (siteSettingsSchema.safeParse(candidate).success) settings[row.key] = candidate[row.key as keyof SiteSettings];
    } catch {
      // Unparseable JSON: keep the default.
    }
  }
  return settings as SiteSettings;
}

export async function updateSiteSettings(changes: Partial<SiteSettings>): Promise<SiteSettings> {
  const merged = siteSettingsSchema.parse({ ...(await getSiteSettings()), ...changes });
  await db.$transaction(
    Object.keys(changes).map((key) =>
      db.siteSetting.upsert({
        where: { key },
        create: { key, value: JSON.stringify(merged[key as keyof SiteSettings]) },
        update: { value: JSON.stringify(merged[key as keyof SiteSettings]) },
      }),
    ),
  );
  return merged;
}
