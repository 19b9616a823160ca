import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/auth/page-access";
import { getCategoryForEditing } from "@/lib/categories/queries";
import { categoryRefSchema } from "@/lib/categories/schema";
import { CategoryForm } from "@/components/curation/category-form";
import { DeleteForm } from "@/components/curation/delete-form";
import { deleteCategoryFromForm, updateCategoryFromForm } from "../actions";

export const metadata: Metadata = { title: "Edit category — back office", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditCategoryPage({ params }: Props) {
  const parsed = categoryRefSchema.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const category = await loadStaffPage(`/admin/categories/${id}`, (actor) => getCategoryForEditing(actor, id));
  const count = `${category.articleCount} article${category.articleCount === 1 ? "" : "s"}`;
  return (
    <>
      <p>
        <Link href="/admin/categories">All categories</Link>
      </p>
      <h1>{category.name}</h1>
      <p className="lead">
        Filed under it: {count}, counting drafts and the bin. Its page is{" "}
        <Link href={`/categories/${category.slug}`}>/categories/{category.slug}</Link>.
      </p>
      <CategoryForm action={updateCategoryFromForm} category={category} />
      <h2>Delete</h2>
      <DeleteForm
        action={deleteCategoryFromForm}
        id={category.id}
        label="Delete category"
        warning={
          category.articleCount > 0
            ? `A category can only be deleted once no article is filed under it: move its ${count} to another category first.`
            : "No article is filed under it, so it can be deleted. Its page will be gone."
        }
      />
    </>
  );
}
