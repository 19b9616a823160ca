/** Sizes of what moderators write; shared by the schemas and the forms (kept apart so the browser needs no zod). */
export const LOG_REASON_MAX = 500;
/** A ban is the one action that must say why. */
export const BAN_REASON_MIN = 3;
