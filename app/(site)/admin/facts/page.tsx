import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listFactsForEditors } from "@/lib/facts/queries";
import { DoneNotice } from "@/components/curation/done-notice";
import { FactTable } from "@/components/curation/fact-table";

export const metadata: Metadata = { title: "Facts — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminFactsPage({ searchParams }: Props) {
  const { done } = await searchParams;
  const facts = await loadStaffPage("/admin/facts", listFactsForEditors);
  return (
    <>
      <h1>Did you know</h1>
      <p className="lead">
        The sidebar shows one fact a day, in turn; each has a page of its own. <Link href="/admin/facts/new">Add a fact</Link>.
      </p>
      <DoneNotice done={done} what="Fact" />
      <FactTable facts={facts} />
    </>
  );
}
