import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { readPolicies } from "@/lib/moderation/policies";
import { PoliciesForm } from "@/components/moderation/policies-form";
import { savePolicies } from "../actions";

export const metadata: Metadata = { title: "Moderation policies", robots: { index: false } };

export default async function PoliciesPage() {
  const settings = await loadStaffPage("/moderate/settings", readPolicies);
  return (
    <>
      <h1>Moderation policies</h1>
      <p className="lead">Which posts wait for a moderator, and how fast people may post and sign in. Changes apply at once.</p>
      <PoliciesForm settings={settings} action={savePolicies} />
    </>
  );
}
