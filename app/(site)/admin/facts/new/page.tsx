import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { assertCanEdit } from "@/lib/editorial/permissions";
import { FactForm } from "@/components/curation/fact-form";
import { createFactFromForm } from "../actions";

export const metadata: Metadata = { title: "New fact — back office", robots: { index: false } };

export default async function NewFactPage() {
  await loadStaffPage("/admin/facts/new", async (actor) => assertCanEdit(actor));
  return (
    <>
      <p>
        <Link href="/admin/facts">All facts</Link>
      </p>
      <h1>New fact</h1>
      <p className="lead">It is on the site as soon as you add it: in the list of facts, and in the sidebar in its turn.</p>
      <FactForm action={createFactFromForm} />
    </>
  );
}
