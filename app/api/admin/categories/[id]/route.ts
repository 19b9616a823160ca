import { getCurrentUser } from "@/lib/auth/session";
import { assertSameOrigin, json, readJsonBody, route } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { deleteCategory, updateCategory } from "@/lib/categories/curation";
import { getCategoryForEditing } from "@/lib/categories/queries";
import { categoryFieldsSchema, categoryRefSchema } from "@/lib/categories/schema";

type Context = { params: Promise<{ id: string }> };

const categoryId = async ({ params }: Context) => parseInput(categoryRefSchema, { id: (await params).id }).id;

export const GET = route<Context>(async (_request, context) =>
  json({ category: await getCategoryForEditing(await getCurrentUser(), await categoryId(context)) }),
);

/** Every field, as when creating. A slug another category has answers 409 and changes nothing. */
export const PUT = route<Context>(async (request, context) => {
  const fields = await readJsonBody(request, categoryFieldsSchema);
  return json({ category: await updateCategory(await getCurrentUser(), await categoryId(context), fields) });
});

/** Refused with 409 and a sentence while any article (drafts and the bin too) is filed under it. */
export const DELETE = route<Context>(async (request, context) => {
  assertSameOrigin(request);
  await deleteCategory(await getCurrentUser(), await categoryId(context));
  return json({ deleted: true });
});
