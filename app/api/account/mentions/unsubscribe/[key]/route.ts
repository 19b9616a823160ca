import { z } from "zod";
import { stopMentionEmails } from "@/lib/discussion/mention-opt-out";
import { mentionOptOutUrl } from "@/lib/discussion/mention-email";
import { json, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";

type Context = { params: Promise<{ key: string }> };

const keySchema = z.string().min(16, "That opt-out link is incomplete.").max(128, "That opt-out link is not valid.");

/**
 * RFC 8058 one-click unsubscribe: mail programs POST
 * "List-Unsubscribe=One-Click" here from their own servers when a reader
 * presses "Unsubscribe" beside a mention email. This is the one state-changing
 * route that takes a form body from anywhere, by the RFC's design: the
 * unguessable key in the URL is the credential, so no other site can forge the
 * request, and all it can do is turn emails off.
 */
export const POST = route<Context>(async (_request, { params }) => {
  await stopMentionEmails(parseInput(keySchema, (await params).key));
  return json({ message: "You will no longer get an email when someone mentions you." });
});

/** A mail program that opens the header's address in a browser gets the confirm page. */
export const GET = route<Context>(async (_request, { params }) => {
  const key = parseInput(keySchema, (await params).key);
  return Response.redirect(mentionOptOutUrl(key), 303);
});
