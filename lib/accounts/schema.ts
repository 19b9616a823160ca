import { z } from "zod";
import { recordId } from "@/lib/validation";
import { isCommonPassword } from "./common-passwords";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from "./limits";

/*
 * The account forms' inputs. Each schema is used twice: by the form in the
 * browser, to show every problem before anything is sent, and by the route
 * handler, which trusts nothing the browser checked. No module here may touch
 * the server: the forms import it.
 */

export const USERNAME_RULES = `${USERNAME_MIN} to ${USERNAME_MAX} characters: letters a–z, digits, _ and -.`;
export const PASSWORD_RULES = `At least ${PASSWORD_MIN} characters; not a common password, your username or your email address.`;

/** Letters may be typed in either case; uniqueness ignores case (User.usernameKey). */
const usernameSchema = z
  .string({ error: "Choose a username" })
  .trim()
  .min(1, { error: "Choose a username", abort: true })
  .min(USERNAME_MIN, `Use at least ${USERNAME_MIN} characters`)
  .max(USERNAME_MAX, `Use at most ${USERNAME_MAX} characters`)
  .regex(/^[A-Za-z0-9_-]*$/, "Use only letters a–z, digits, _ and -");

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your email address", abort: true })
  .max(EMAIL_MAX, `Use an email address of at most ${EMAIL_MAX} characters`)
  .check(z.email("Enter a valid email address, like name@example.com"));

/**
 * ASVS V2.1: length is the rule, not composition; at least 64 characters are
 * allowed and nothing is trimmed or truncated.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(1, { error: "Choose a password", abort: true })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), "This is one of the 10,000 most common passwords: choose another");

/** The password must not be the account's own name or address, in any case. */
export function passwordRepeatsIdentity(password: string, identity: { username: string; email: string }): boolean {
  const lower = password.toLowerCase();
  return lower === identity.username.trim().toLowerCase() || lower === identity.email.trim().toLowerCase();
}

export const PASSWORD_REPEATS_IDENTITY = "Do not use your username or email address as your password";

export const signupSchema = z
  .object(
    { username: usernameSchema, email: emailSchema, password: newPasswordSchema },
    { error: "Send a username, an email address and a password" },
  )
  .superRefine((input, ctx) => {
    if (passwordRepeatsIdentity(input.password, input)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_REPEATS_IDENTITY });
    }
  });
export type SignupInput = z.infer<typeof signupSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema }, { error: "Send an email address" });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** A token from an emailed link. randomToken(32) makes 43 characters; anything far off is not one of ours. */
function emailedToken(link: string, newLink: string) {
  const incomplete = `This ${link} is incomplete. Open the link from the email again.`;
  return z.string({ error: incomplete }).min(1, incomplete).max(200, `This ${link} is not valid. ${newLink}`);
}

export const resetPasswordSchema = z.object(
  { token: emailedToken("reset link", "Ask for a new one."), password: newPasswordSchema },
  { error: "Send a reset token and a new password" },
);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const confirmSignupSchema = z.object(
  { token: emailedToken("confirmation link", "Sign up again for a new one.") },
  { error: "Send a confirmation token" },
);
export type ConfirmSignupInput = z.infer<typeof confirmSignupSchema>;

/* The back office's user administration (admins only): /admin/users and /api/admin/users. */

export const ROLES = ["READER", "MODERATOR", "EDITOR", "ADMIN"] as const;
export type RoleValue = (typeof ROLES)[number];

const userId = recordId("Choose a user.");
const role = z.enum(ROLES, { error: "Choose one of the roles: reader, moderator, editor or admin." });

export const USERS_PER_PAGE = 25;

/** `?q=&role=&status=&page=`: anything unreadable is ignored, not refused. */
export const userListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: role.optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type UserListQuery = z.output<typeof userListSchema>;

export const userRefSchema = z.object({ userId });
export const changeRoleSchema = z.object({ userId, role });

/** PATCH /api/admin/users/[id]: `{role}` or `{disabled}`, one change at a time, as the page makes them. */
export const userChangeSchema = z
  .object({ role: role.optional(), disabled: z.boolean({ error: "Send disabled as true or false." }).optional() })
  .refine((change) => (change.role === undefined) !== (change.disabled === undefined), {
    error: "Send either a role or disabled (true or false), one change at a time.",
  });
