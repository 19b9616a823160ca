"use client";
import type { FormAction } from "@/lib/form-state";
import { categoryFieldsSchema, categoryUpdateSchema } from "@/lib/categories/schema";
import type { FieldSpec } from "./record-field";
import { RecordForm } from "./record-form";

const FIELDS: FieldSpec[] = [
  { name: "name", label: "Name", required: true },
  {
    name: "slug",
    label: "Address",
    hint: "The page is at /categories/ followed by this: lower-case letters, digits and hyphens. Leave it empty to make one from the name. Changing it breaks links to the old address.",
  },
  {
    name: "description",
    label: "Description",
    kind: "textarea",
    rows: 3,
    hint: "One or two sentences, shown on the category's page.",
  },
];

type Category = { id: number; name: string; slug: string; description: string };

/** A new category (no `category`), or the one being edited. */
export function CategoryForm({ action, category }: { action: FormAction; category?: Category }) {
  return (
    <RecordForm
      action={action}
      schema={category ? categoryUpdateSchema : categoryFieldsSchema}
      fields={FIELDS}
      saved={category ?? {}}
      hidden={category ? { id: category.id } : {}}
      submitLabel={category ? "Save category" : "Create category"}
      label={category ? `Edit ${category.name}` : "New category"}
    />
  );
}
