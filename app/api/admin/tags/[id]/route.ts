import { getCurrentUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { deleteTag, updateTag } from "@/lib/tags/curation";
import { getTagForEditing } from "@/lib/tags/queries";
import { tagFieldsSchema, tagRefSchema } from "@/lib/tags/schema";

type Context = { params: Promise<{ id: string }> };

const tagId = async ({ params }: Context) => parseInput(tagRefSchema, { id: (await params).id }).id;

export const GET = route<Context>(async (_request, context) =>
  json({ tag: await getTagForEditing(await getCurrentUser(), await tagId(context)) }),
);

/** `{name, slug?}`: renames it on every article that carries it. */
export const PUT = route<Context>(async (request, context) => {
  const fields = await readJsonBody(request, tagFieldsSchema);
  return json({ tag: await updateTag(await getCurrentUser(), await tagId(context), fields) });
});

/** Deletes the tag and takes it off its articles; answers how many that was. */
export const DELETE = route<Context>(async (request, context) => {
  assertSameOrigin(request);
  const { articleCount } = await deleteTag(await getCurrentUser(), await tagId(context));
  return json({ deleted: true, articleCount });
});
