import { signUp } from "@/lib/accounts/signup";
import { signupSchema } from "@/lib/accounts/schema";
import { clientIp, json, readJsonBody, route } from "@/lib/http";

/** POST {username, email, password} → 201 {user}; 400 / 409 {error, fields}; 429 when throttled. */
export const POST = route(async (request) => {
  const input = await readJsonBody(request, signupSchema);
  const { id, username } = await signUp(input, clientIp(request));
  return json({ user: { id, username } }, 201);
});
