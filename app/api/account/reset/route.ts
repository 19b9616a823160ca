import { PASSWORD_CHANGED, resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/accounts/schema";
import { json, readJsonBody, route } from "@/lib/http";

/** POST {token, password} → 200; 400 {error} for a used, expired or unknown token. */
export const POST = route(async (request) => {
  const input = await readJsonBody(request, resetPasswordSchema);
  await resetPassword(input);
  return json({ message: PASSWORD_CHANGED });
});
