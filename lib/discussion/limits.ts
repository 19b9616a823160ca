/** Sizes of what readers write; shared by the schemas and the forms (kept apart so the browser needs no zod). */
export const BODY_MIN = 2;
export const BODY_MAX = 5000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;
