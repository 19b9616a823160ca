import { requireRole } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { countWaitingItems } from "@/lib/moderation/queue";

/** How many items wait in the queue, for the header's "Queue (N)". Moderators and admins only. */
export const GET = route(async () => json({ count: await countWaitingItems(await requireRole("moderator")) }));
