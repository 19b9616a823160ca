import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { listModerationQueue } from "@/lib/moderation/queue";

/**
 * The moderation queue: held and reported posts, longest-waiting first.
 * Moderators and admins only: listModerationQueue refuses anyone else (401 / 403 via errorResponse).
 */
export const GET = route(async () => json(await listModerationQueue(await getCurrentUser())));
