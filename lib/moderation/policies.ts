import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { getSiteSettings, updateSiteSettings } from "@/lib/settings/queries";
import { siteSettingsSchema, type SiteSettingKey, type SiteSettings } from "@/lib/settings/schema";
import { recordModerationAction } from "./audit";
import { assertCanChangePolicies, type Actor } from "./permissions";

/** The site policies as they stand, for the admins' form. Admins only. */
export async function readPolicies(actor: Actor): Promise<SiteSettings> {
  assertCanChangePolicies(actor);
  return getSiteSettings();
}

/**
 * Saves the site policies (holding rules, link limit, blocked words, rate
 * limits) and logs which ones changed. Admins only.
 */
export async function updatePolicies(actor: Actor, settings: SiteSettings) {
  const admin = assertCanChangePolicies(actor);
  const current = await getSiteSettings();
  const changed = (Object.keys(settings) as SiteSettingKey[]).filter(
    (key) => JSON.stringify(settings[key]) !== JSON.stringify(current[key]),
  );
  if (changed.length === 0) return { changed };
  const pick = (from: SiteSettings) => Object.fromEntries(changed.map((key) => [key, from[key]]));
  const saved = await updateSiteSettings(pick(settings));
  // updateSiteSettings commits on its own, so the log entry follows it rather
  // than sharing its transaction: a crash in between loses the entry, never the change.
  await recordModerationAction(db, {
    actorId: admin.id,
    action: "update-policies",
    before: { settings: pick(current) },
    after: { settings: pick(saved) },
  });
  return { changed };
}

/**
 * Reads the policies form into the shape of the site settings schema, which
 * then validates it: a checkbox is sent as "off" from a hidden field plus "on"
 * when ticked, blocked words one per line, a rate limit as "<key>.max" and
 * "<key>.windowSeconds". A setting the form does not show keeps its current
 * value, so one added to the schema is never reset by saving an older form.
 */
export async function readPoliciesForm(form: FormData): Promise<SiteSettings> {
  const current = await getSiteSettings();
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const whole = (name: string) => (/^\d+$/.test(text(name)) ? Number(text(name)) : text(name));
  const raw = Object.fromEntries(
    Object.entries(current).map(([key, saved]) => {
      if (typeof saved === "object" && !Array.isArray(saved)) {
        if (!form.has(`${key}.max`)) return [key, saved];
        return [key, { max: whole(`${key}.max`), windowSeconds: whole(`${key}.windowSeconds`) }];
      }
      if (!form.has(key)) return [key, saved];
      if (typeof saved === "boolean") return [key, form.getAll(key).includes("on")];
      if (typeof saved === "number") return [key, whole(key)];
      if (Array.isArray(saved))
        return [
          key,
          text(key)
            .split(/\r?\n/)
            .map((w) => w.trim())
            .filter(Boolean),
        ];
      return [key, text(key)];
    }),
  );
  const result = siteSettingsSchema.safeParse(raw, { error: personMessage });
  if (!result.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(result.error));
  return result.data;
}

/** Sentences for the form, where the schema has none of its own. */
function personMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a whole number.";
  if (issue.code === "invalid_value") return "Choose one of the options.";
  if (issue.code === "too_small" && issue.origin === "number") return `Enter ${issue.minimum} or more.`;
  if (issue.code === "too_big" && issue.origin === "number") return `Enter ${issue.maximum} or less.`;
  if (issue.code === "too_big" && issue.origin === "array") return `List at most ${issue.maximum} words.`;
  if (issue.code === "too_big" && issue.origin === "string") return `Keep each word under ${issue.maximum} characters.`;
  return undefined;
}
