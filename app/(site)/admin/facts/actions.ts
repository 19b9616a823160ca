"use server";

import { formAction } from "@/lib/forms";
import { createFact, deleteFact, updateFact } from "@/lib/facts/curation";
import { factFieldsSchema, factRefSchema, factUpdateSchema } from "@/lib/facts/schema";

// Public endpoints: the schemas and lib/facts jobs of /api/admin/facts; the jobs check the actor.

export const createFactFromForm = formAction(factFieldsSchema, async (fields, { actor }) => {
  const fact = await createFact(actor, fields);
  return { message: `Added “${fact.title}”.`, redirectTo: "/admin/facts?done=created" };
});

export const updateFactFromForm = formAction(factUpdateSchema, async ({ id, ...fields }, { actor }) => {
  const fact = await updateFact(actor, id, fields);
  return { message: `Saved “${fact.title}”.`, redirectTo: "/admin/facts?done=saved" };
});

export const deleteFactFromForm = formAction(factRefSchema, async ({ id }, { actor }) => {
  await deleteFact(actor, id);
  return { message: "Fact deleted.", redirectTo: "/admin/facts?done=deleted" };
});
