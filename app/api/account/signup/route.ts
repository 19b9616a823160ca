import { SIGNUP_ANSWER, signUp } from "@/lib/accounts/signup";
import { signupSchema } from "@/lib/accounts/schema";
import { clientIp, json, readJsonBody, route } from "@/lib/http";

/**
 * POST {username, email, password} → 202 with the same body whether or not the
 * address has an account (the email follows after the answer); 400 / 409
 * {error, fields} for broken rules or a taken username; 429 when throttled.
 */
export const POST = route(async (request) => {
  const input = await readJsonBody(request, signupSchema);
  await signUp(input, clientIp(request));
  return json(SIGNUP_ANSWER, 202);
});
