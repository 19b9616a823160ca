import { requireRole } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { listModerationQueue } from "@/lib/moderation/queue";

/** The moderation queue: held and reported posts, longest-waiting first. Moderators and admins only. */
export const GET = route(async () => json(await listModerationQueue(await requireRole("moderator"))));
