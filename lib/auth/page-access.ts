import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { AuthenticationRequired, Forbidden, NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";

/**
 * Loads a staff page's data (moderation, the back office: every page calls it
 * first, since a layout is not re-run on every navigation) through lib/
 * functions, which check the actor themselves: that is the one check. Their refusals are mapped for
 * a page, as lib/http.ts maps them to 401 and 403: a guest is sent to log in
 * and come back; a signed-in user without the role gets the 403 page.
 */
export async function loadStaffPage<T>(path: string, load: (actor: Actor) => Promise<T>): Promise<T> {
  try {
    return await load(await getCurrentUser());
  } catch (error) {
    if (error instanceof AuthenticationRequired) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    if (error instanceof Forbidden) forbidden();
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
