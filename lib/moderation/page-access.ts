import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { canChangePolicies, canModerate } from "./permissions";

/**
 * The check at the top of every moderation page (a layout is not enough: it
 * is not re-run on every navigation). A guest is sent to log in and come
 * back; a signed-in user without the role gets the 403 page.
 */
export async function requireModeratorForPage(path: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${path}`);
  if (!canModerate(user)) forbidden();
  return user;
}

export async function requireAdminForPage(path: string) {
  const user = await requireModeratorForPage(path);
  if (!canChangePolicies(user)) forbidden();
  return user;
}
