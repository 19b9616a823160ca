import { getCurrentUser } from "@/lib/auth/session";
import { roleName } from "@/lib/auth/roles";
import { json, route } from "@/lib/http";

/**
 * Who is signed in, for the browser to fill in the personal parts of pages
 * that are served identically to everyone. Never cached.
 */
export const GET = route(async () => {
  const user = await getCurrentUser();
  return json({ user: user ? { id: user.id, username: user.username, role: roleName(user.role) } : null });
});
