"use client";
import type { FormAction } from "@/lib/form-state";
import { factFieldsSchema, factUpdateSchema } from "@/lib/facts/schema";
import type { FieldSpec } from "./record-field";
import { RecordForm } from "./record-form";

const FIELDS: FieldSpec[] = [
  { name: "title", label: "Title", required: true },
  {
    name: "slug",
    label: "Address",
    hint: "The page is at /facts/ followed by this. Leave it empty to make one from the title.",
  },
  {
    name: "summary",
    label: "Summary",
    kind: "textarea",
    rows: 2,
    required: true,
    hint: "The one sentence the sidebar's “Did you know” shows.",
  },
  { name: "body", label: "Page (Markdown)", kind: "textarea", rows: 12, required: true },
];

type Fact = { id: number; title: string; slug: string; summary: string; body: string };

export function FactForm({ action, fact }: { action: FormAction; fact?: Fact }) {
  return (
    <RecordForm
      action={action}
      schema={fact ? factUpdateSchema : factFieldsSchema}
      fields={FIELDS}
      saved={fact ?? {}}
      hidden={fact ? { id: fact.id } : {}}
      submitLabel={fact ? "Save fact" : "Add fact"}
      label={fact ? `Edit ${fact.title}` : "New fact"}
    />
  );
}
