/** Fired in the browser after every successful moderation action, so the header's queue count can catch up. */
export const MODERATED_EVENT = "quire:moderated";

/** What a moderation action's answer may carry besides its sentence: the post it changed, to undo. */
export type ModerationDone = { undo?: { commentId: number; version: number } };
