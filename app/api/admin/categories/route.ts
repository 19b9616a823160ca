import { getCurrentUser } from "@/lib/auth/session";
import { json, readJsonBody, route } from "@/lib/http";
import { createCategory } from "@/lib/categories/curation";
import { listCategoriesForEditors } from "@/lib/categories/queries";
import { categoryFieldsSchema } from "@/lib/categories/schema";

/** Every category, with how many articles are filed under each. */
export const GET = route(async () => json({ categories: await listCategoriesForEditors(await getCurrentUser()) }));

/** A new category: `{name, slug?, description?}` (no slug: made from the name). Answers 201. */
export const POST = route(async (request) => {
  const fields = await readJsonBody(request, categoryFieldsSchema);
  return json({ category: await createCategory(await getCurrentUser(), fields) }, 201);
});
