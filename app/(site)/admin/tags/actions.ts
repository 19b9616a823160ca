"use server";

import { formAction } from "@/lib/forms";
import { createTag, deleteTag, updateTag } from "@/lib/tags/curation";
import { tagFieldsSchema, tagRefSchema, tagUpdateSchema } from "@/lib/tags/schema";

// Public endpoints: the schemas and lib/tags jobs of /api/admin/tags; the jobs check the actor.

export const createTagFromForm = formAction(tagFieldsSchema, async (fields, { actor }) => {
  const tag = await createTag(actor, fields);
  return { message: `Created “${tag.name}”.`, redirectTo: "/admin/tags?done=created" };
});

export const updateTagFromForm = formAction(tagUpdateSchema, async ({ id, ...fields }, { actor }) => {
  const tag = await updateTag(actor, id, fields);
  return { message: `Saved “${tag.name}”.`, redirectTo: "/admin/tags?done=saved" };
});

export const deleteTagFromForm = formAction(tagRefSchema, async ({ id }, { actor }) => {
  await deleteTag(actor, id);
  return { message: "Tag deleted.", redirectTo: "/admin/tags?done=deleted" };
});
