"use client";
import type { FormAction } from "@/lib/form-state";
import { tagFieldsSchema, tagUpdateSchema } from "@/lib/tags/schema";
import type { FieldSpec } from "./record-field";
import { RecordForm } from "./record-form";

const FIELDS: FieldSpec[] = [
  { name: "name", label: "Name", required: true, hint: "As readers see it under an article." },
  {
    name: "slug",
    label: "Slug",
    hint: "Lower-case letters, digits and hyphens; leave it empty to make one from the name. The article editor finds a tag by the slug of the name typed.",
  },
];

type Tag = { id: number; name: string; slug: string };

export function TagForm({ action, tag }: { action: FormAction; tag?: Tag }) {
  return (
    <RecordForm
      action={action}
      schema={tag ? tagUpdateSchema : tagFieldsSchema}
      fields={FIELDS}
      saved={tag ?? {}}
      hidden={tag ? { id: tag.id } : {}}
      submitLabel={tag ? "Save tag" : "Create tag"}
      label={tag ? `Edit ${tag.name}` : "New tag"}
    />
  );
}
