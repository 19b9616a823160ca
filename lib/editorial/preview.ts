import "server-only";
import { renderMarkdown } from "@/lib/markdown";
import type { Actor } from "@/lib/moderation/permissions";
import { assertCanEdit } from "./permissions";

/** An article body as the public page renders it (the same renderMarkdown, the same sanitizing). Editors only. */
export function renderArticlePreview(actor: Actor, markdown: string): string {
  assertCanEdit(actor);
  return renderMarkdown(markdown);
}
