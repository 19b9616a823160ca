import { z } from "zod";

export const EXPORT_FORMATS = ["wxr", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** GET /api/admin/export?format=wxr|json, and the CLI's --format. */
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "Choose the format: wxr (for WordPress) or json." }).default("wxr"),
});
