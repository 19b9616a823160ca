import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { formatMonthDayName } from "@/lib/calendar";
import { getHistoryEventForEditing } from "@/lib/history/queries";
import { historyEventRefSchema } from "@/lib/history/schema";
import { DeleteForm } from "@/components/curation/delete-form";
import { HistoryEventForm } from "@/components/curation/history-event-form";
import { deleteHistoryEventFromForm, updateHistoryEventFromForm } from "../actions";

export const metadata: Metadata = { title: "Edit event — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditHistoryEventPage({ params }: Props) {
  const parsed = historyEventRefSchema.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const event = await loadStaffPage(`/admin/history/${id}`, (actor) => getHistoryEventForEditing(actor, id));
  return (
    <>
      <p>
        <Link href={`/admin/history?month=${event.month}&day=${event.day}`}>All events on {formatMonthDayName(event)}</Link>
      </p>
      <h1>{event.title}</h1>
      <HistoryEventForm action={updateHistoryEventFromForm} event={event} />
      <h2>Delete</h2>
      <DeleteForm
        action={deleteHistoryEventFromForm}
        id={event.id}
        label="Delete event"
        warning="It goes from its day's page and the sidebar at once."
      />
    </>
  );
}
