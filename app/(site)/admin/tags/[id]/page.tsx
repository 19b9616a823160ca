import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { getTagForEditing } from "@/lib/tags/queries";
import { tagRefSchema } from "@/lib/tags/schema";
import { DeleteForm } from "@/components/curation/delete-form";
import { TagForm } from "@/components/curation/tag-form";
import { deleteTagFromForm, updateTagFromForm } from "../actions";

export const metadata: Metadata = { title: "Edit tag — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditTagPage({ params }: Props) {
  const parsed = tagRefSchema.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const tag = await loadStaffPage(`/admin/tags/${id}`, (actor) => getTagForEditing(actor, id));
  const count = `${tag.articleCount} article${tag.articleCount === 1 ? "" : "s"}`;
  return (
    <>
      <p>
        <Link href="/admin/tags">All tags</Link>
      </p>
      <h1>{tag.name}</h1>
      <p className="lead">Carried by {count}.</p>
      <TagForm action={updateTagFromForm} tag={tag} />
      <h2>Delete</h2>
      <DeleteForm
        action={deleteTagFromForm}
        id={tag.id}
        label="Delete tag"
        warning={`Deleting it takes it off ${count}; the articles themselves stay as they are.`}
      />
    </>
  );
}
