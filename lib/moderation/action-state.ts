import type { FieldErrors } from "@/lib/errors";

/** What a moderation server action tells the page: a sentence, and an undo for the post it changed. */
export type ActionState =
  | { ok: true; message: string; undo?: { commentId: number; version: number } }
  | { ok: false; message: string; fields?: FieldErrors; values?: Record<string, string> }
  | null;

export type ServerAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** Fired in the browser after every successful moderation action, so the header's queue count can catch up. */
export const MODERATED_EVENT = "quire:moderated";
