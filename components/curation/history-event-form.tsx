"use client";
import type { FormAction } from "@/lib/form-state";
import { historyEventFieldsSchema, historyEventUpdateSchema, monthName } from "@/lib/history/schema";
import type { FieldSpec } from "./record-field";
import { RecordForm } from "./record-form";

const FIELDS: FieldSpec[] = [
  {
    name: "month",
    label: "Month",
    kind: "select",
    options: Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: monthName(index + 1) })),
  },
  { name: "day", label: "Day", kind: "number", required: true, hint: "The day of the month; February 29 is allowed." },
  { name: "year", label: "Year", kind: "number", required: true },
  { name: "title", label: "Title", required: true },
  { name: "text", label: "What happened", kind: "textarea", rows: 4, required: true, hint: "Plain text, a few sentences." },
];

type HistoryEvent = { id: number; month: number; day: number; year: number; title: string; text: string };

/** A new event (on `day`, as chosen on the list), or the one being edited. */
export function HistoryEventForm({
  action,
  event,
  day,
}: {
  action: FormAction;
  event?: HistoryEvent;
  day?: { month: number; day: number };
}) {
  const saved = event ?? { month: day?.month ?? 1, day: day?.day ?? 1 };
  return (
    <RecordForm
      action={action}
      schema={event ? historyEventUpdateSchema : historyEventFieldsSchema}
      fields={FIELDS}
      saved={saved}
      hidden={event ? { id: event.id } : {}}
      submitLabel={event ? "Save event" : "Add event"}
      label={event ? `Edit ${event.title}` : "New event"}
    />
  );
}
