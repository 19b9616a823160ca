import { getCurrentUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { isReaderSubscribed } from "@/lib/subscriptions/subscriptions";

/** Whether the signed-in asker follows this discussion (false for a guest). Personal, so never cached. */
export const GET = route(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const user = await getCurrentUser();
  return json({ following: user ? await isReaderSubscribed(user.id, (await params).slug) : false });
});
