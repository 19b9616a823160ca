import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { getFactForEditing } from "@/lib/facts/queries";
import { factRefSchema } from "@/lib/facts/schema";
import { DeleteForm } from "@/components/curation/delete-form";
import { FactForm } from "@/components/curation/fact-form";
import { deleteFactFromForm, updateFactFromForm } from "../actions";

export const metadata: Metadata = { title: "Edit fact — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditFactPage({ params }: Props) {
  const parsed = factRefSchema.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const fact = await loadStaffPage(`/admin/facts/${id}`, (actor) => getFactForEditing(actor, id));
  return (
    <>
      <p>
        <Link href="/admin/facts">All facts</Link>
      </p>
      <h1>{fact.title}</h1>
      <p className="lead">
        Its page is <Link href={`/facts/${fact.slug}`}>/facts/{fact.slug}</Link>.
      </p>
      <FactForm action={updateFactFromForm} fact={fact} />
      <h2>Delete</h2>
      <DeleteForm
        action={deleteFactFromForm}
        id={fact.id}
        label="Delete fact"
        warning="Its page and its turn in the sidebar go at once."
      />
    </>
  );
}
