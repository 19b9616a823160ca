import { accountReadyMessage, confirmSignup } from "@/lib/accounts/signup";
import { confirmSignupSchema } from "@/lib/accounts/schema";
import { json, readJsonBody, route } from "@/lib/http";

/**
 * POST {token} from a sign-up's emailed link → 201 {message, user}; 400 {error}
 * for a used, expired or unknown token; 409 when the username went meanwhile.
 */
export const POST = route(async (request) => {
  const user = await confirmSignup(await readJsonBody(request, confirmSignupSchema));
  return json({ message: accountReadyMessage(user.username), user }, 201);
});
