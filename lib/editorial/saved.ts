import { formatDateTime } from "@/lib/calendar";
import type { SaveIntent } from "./schema";

/** What the editor learns from a save: enough to carry on from the new revision. */
export type ArticleSaved = {
  saved: { id: number; slug: string; status: "DRAFT" | "SCHEDULED" | "PUBLISHED"; revision: number; publishedAt: Date | null };
};

/** The sentence a save answers with. */
export function describeSave(saved: ArticleSaved["saved"], intent: SaveIntent): string {
  const revision = `revision ${saved.revision}`;
  switch (intent) {
    case "publish":
      return `Published (${revision}). It is live at /articles/${saved.slug}.`;
    case "schedule":
      return `Scheduled (${revision}): it will be published on ${saved.publishedAt ? formatDateTime(saved.publishedAt) : "the chosen date"}.`;
    case "unpublish":
      return `Unpublished (${revision}). It is off the site and back to a draft.`;
    default:
      return saved.status === "PUBLISHED" ? `Saved and live (${revision}).` : `Draft saved (${revision}).`;
  }
}
