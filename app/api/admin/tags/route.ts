import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { createTag } from "@/lib/tags/curation";
import { listTagsForEditors } from "@/lib/tags/queries";
import { tagFieldsSchema, tagListSchema } from "@/lib/tags/schema";

/** Tags by name, with how many articles carry each: `?q=&page=`. */
export const GET = route(async (request) => {
  const query = parseInput(tagListSchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listTagsForEditors(await getCurrentUser(), query));
});

/** A new tag: `{name, slug?}`. Answers 201. */
export const POST = route(async (request) => {
  const fields = await readJsonBody(request, tagFieldsSchema);
  return json({ tag: await createTag(await getCurrentUser(), fields) }, 201);
});
