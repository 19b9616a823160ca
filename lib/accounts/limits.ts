/**
 * Sizes of account fields, shared by the schemas and the rules the forms show.
 * Apart from ./schema.ts so that ./login-schema.ts can use them without the
 * common-password list.
 */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 24;
/** RFC 5321 limits a path to 256 octets, angle brackets included. */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
/** Bounds the hashing work one request can cause. */
export const PASSWORD_MAX = 128;
