import { json, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { linkKeySchema } from "@/lib/subscriptions/schema";
import { unsubscribe } from "@/lib/subscriptions/subscriptions";
import { unsubscribePageUrl } from "@/lib/subscriptions/emails";

type Context = { params: Promise<{ key: string }> };

/**
 * RFC 8058 one-click unsubscribe from a discussion's digests: mail programs
 * POST "List-Unsubscribe=One-Click" here from their own servers. As for the
 * mention emails' link, the unguessable key is the credential, so this takes
 * a form body from anywhere, and all it can do is stop emails.
 */
export const POST = route<Context>(async (_request, { params }) => {
  await unsubscribe(parseInput(linkKeySchema, (await params).key));
  return json({ message: "You will get no more emails about this discussion." });
});

/** A mail program that opens the header's address in a browser gets the confirm page. */
export const GET = route<Context>(async (_request, { params }) => {
  return Response.redirect(unsubscribePageUrl(parseInput(linkKeySchema, (await params).key)), 303);
});
