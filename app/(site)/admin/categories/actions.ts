"use server";

import { formAction } from "@/lib/forms";
import { createCategory, deleteCategory, updateCategory } from "@/lib/categories/curation";
import { categoryFieldsSchema, categoryRefSchema, categoryUpdateSchema } from "@/lib/categories/schema";

// Public endpoints like every server action: each parses with the schema the
// JSON API uses and calls the same lib/categories job, which checks the actor.

export const createCategoryFromForm = formAction(categoryFieldsSchema, async (fields, { actor }) => {
  const category = await createCategory(actor, fields);
  return { message: `Created “${category.name}”.`, redirectTo: "/admin/categories?done=created" };
});

export const updateCategoryFromForm = formAction(categoryUpdateSchema, async ({ id, ...fields }, { actor }) => {
  const category = await updateCategory(actor, id, fields);
  return { message: `Saved “${category.name}”.`, redirectTo: "/admin/categories?done=saved" };
});

export const deleteCategoryFromForm = formAction(categoryRefSchema, async ({ id }, { actor }) => {
  await deleteCategory(actor, id);
  return { message: "Category deleted.", redirectTo: "/admin/categories?done=deleted" };
});
