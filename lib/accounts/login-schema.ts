import { z } from "zod";
import { EMAIL_MAX } from "./limits";

// Apart from ./schema.ts so that the login box, on every article page, does
// not pull the common-password list into the page's JavaScript.

export const loginSchema = z.object(
  {
    // A username or an email address: no longer than an email address can be.
    username: z
      .string({ error: "Enter your username or email address" })
      .trim()
      .min(1, "Enter your username or email address")
      .max(EMAIL_MAX),
    password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
  },
  { error: "Send a username and a password" },
);
export type LoginInput = z.infer<typeof loginSchema>;

/** Where to go after logging in (or out), as a form sends it: any text; lib/auth/callback-url.ts decides what is safe. */
export const callbackUrlField = z.string().max(2048).optional().catch(undefined);

/** The login form: the credentials, and the page to return to. */
export const loginFormSchema = loginSchema.extend({ callbackUrl: callbackUrlField });
