import { z } from "zod";

const rateLimit = z.object({
  max: z.number().int().min(1, "Allow at least 1 request").max(100000),
  windowSeconds: z.number().int().min(1).max(86400),
});
export type RateLimitRule = z.infer<typeof rateLimit>;

/**
 * Site-wide policies, editable by admins. Each key is stored as its own row
 * (SiteSetting); anything missing or unreadable falls back to these defaults.
 */
export const siteSettingsSchema = z.object({
  holdGuestPosts: z.boolean().default(true),
  holdFirstPost: z.boolean().default(true),
  /** A post with more links than this waits for moderation. */
  linkLimit: z.number().int().min(0).max(100).default(3),
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).default([]),
  blockedWordAction: z.enum(["hold", "reject"]).default("hold"),
  commentRateLimitPerIp: rateLimit.default({ max: 5, windowSeconds: 60 }),
  commentRateLimitPerUser: rateLimit.default({ max: 5, windowSeconds: 60 }),
  loginRateLimitPerIp: rateLimit.default({ max: 20, windowSeconds: 900 }),
  loginRateLimitPerAccount: rateLimit.default({ max: 5, windowSeconds: 900 }),
  signupRateLimitPerIp: rateLimit.default({ max: 5, windowSeconds: 3600 }),
  signupRateLimitPerEmail: rateLimit.default({ max: 3, windowSeconds: 3600 }),
  forgotRateLimitPerIp: rateLimit.default({ max: 10, windowSeconds: 3600 }),
  forgotRateLimitPerEmail: rateLimit.default({ max: 3, windowSeconds: 3600 }),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingKey = keyof SiteSettings;
export const DEFAULT_SETTINGS: SiteSettings = siteSettingsSchema.parse({});
