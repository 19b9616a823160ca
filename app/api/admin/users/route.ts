import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { listUsersForAdmins } from "@/lib/accounts/queries";
import { userListSchema } from "@/lib/accounts/schema";

/** Accounts, for admins: `?q=&role=&status=active|disabled&page=`. */
export const GET = route(async (request) => {
  const query = parseInput(userListSchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listUsersForAdmins(await getCurrentUser(), query));
});
