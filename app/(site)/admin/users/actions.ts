"use server";

import { refresh } from "next/cache";
import { formAction } from "@/lib/forms";
import { roleName } from "@/lib/auth/roles";
import { changeUserRole, disableUser, enableUser } from "@/lib/accounts/administration";
import { changeRoleSchema, userRefSchema } from "@/lib/accounts/schema";

// Public endpoints: the schemas and lib/accounts jobs of /api/admin/users, which
// check that the actor is an admin. With script the list refreshes in place;
// without, the browser is sent back to it.

export const changeRoleFromForm = formAction(changeRoleSchema, async ({ userId, role }, { actor }) => {
  const user = await changeUserRole(actor, userId, role);
  refresh();
  const name = roleName(user.role);
  return {
    message: `${user.username} is now ${/^[aeiou]/.test(name) ? "an" : "a"} ${name}.`,
    redirectTo: "/admin/users?done=role",
  };
});

export const disableUserFromForm = formAction(userRefSchema, async ({ userId }, { actor }) => {
  const user = await disableUser(actor, userId);
  refresh();
  return { message: `${user.username} is disabled and logged out.`, redirectTo: "/admin/users?done=disabled" };
});

export const enableUserFromForm = formAction(userRefSchema, async ({ userId }, { actor }) => {
  const user = await enableUser(actor, userId);
  refresh();
  return { message: `${user.username} can log in again.`, redirectTo: "/admin/users?done=enabled" };
});
