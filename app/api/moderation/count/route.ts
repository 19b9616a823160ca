import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { countWaitingItems } from "@/lib/moderation/queue";

/**
 * How many items wait in the queue, for the header's "Queue (N)". Moderators
 * and admins only: countWaitingItems refuses anyone else (401 / 403 via errorResponse).
 */
export const GET = route(async () => json({ count: await countWaitingItems(await getCurrentUser()) }));
