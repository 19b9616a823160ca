import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { changeUserRole, disableUser, enableUser } from "@/lib/accounts/administration";
import { getUserForAdmins } from "@/lib/accounts/queries";
import { userChangeSchema, userRefSchema } from "@/lib/accounts/schema";

type Context = { params: Promise<{ id: string }> };

const userId = async ({ params }: Context) => parseInput(userRefSchema, { userId: (await params).id }).userId;

export const GET = route<Context>(async (_request, context) =>
  json({ user: await getUserForAdmins(await getCurrentUser(), await userId(context)) }),
);

/**
 * One change: `{role: "EDITOR"}`, `{disabled: true}` or `{disabled: false}`.
 * Either ends the account's sessions. Your own account, or the last active
 * admin's demotion or disabling, answers 409 and changes nothing.
 */
export const PATCH = route<Context>(async (request, context) => {
  const change = await readJsonBody(request, userChangeSchema);
  const [actor, id] = [await getCurrentUser(), await userId(context)];
  if (change.role) await changeUserRole(actor, id, change.role);
  else if (change.disabled) await disableUser(actor, id);
  else await enableUser(actor, id);
  return json({ user: await getUserForAdmins(actor, id) });
});
