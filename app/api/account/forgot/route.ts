import { FORGOT_PASSWORD_ANSWER, requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "@/lib/accounts/schema";
import { clientIp, json, readJsonBody, route } from "@/lib/http";

/**
 * POST {email} → 202 with the same body for every address. The mail is sent
 * after the answer, never before it, so the timing is the same too.
 */
export const POST = route(async (request) => {
  const input = await readJsonBody(request, forgotPasswordSchema);
  await requestPasswordReset(input, clientIp(request));
  return json(FORGOT_PASSWORD_ANSWER, 202);
});
