import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listCategoriesForEditors } from "@/lib/categories/queries";
import { CategoryForm } from "@/components/curation/category-form";
import { CategoryTable } from "@/components/curation/category-table";
import { DoneNotice } from "@/components/curation/done-notice";
import { createCategoryFromForm } from "./actions";

export const metadata: Metadata = { title: "Categories — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCategoriesPage({ searchParams }: Props) {
  const { done } = await searchParams;
  const categories = await loadStaffPage("/admin/categories", listCategoriesForEditors);
  return (
    <>
      <h1>Categories</h1>
      <p className="lead">Every article is filed under one category. Readers browse them from the home page.</p>
      <DoneNotice done={done} what="Category" />
      <CategoryTable categories={categories} />
      <h2>New category</h2>
      <CategoryForm action={createCategoryFromForm} />
    </>
  );
}
