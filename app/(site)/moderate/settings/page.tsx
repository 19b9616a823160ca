import type { Metadata } from "next";
import { requireAdminForPage } from "@/lib/moderation/page-access";
import { getSiteSettings } from "@/lib/settings/queries";
import { PoliciesForm } from "@/components/moderation/policies-form";
import { savePolicies } from "../actions";

export const metadata: Metadata = { title: "Moderation policies", robots: { index: false } };

export default async function PoliciesPage() {
  await requireAdminForPage("/moderate/settings");
  return (
    <>
      <h1>Moderation policies</h1>
      <p className="lead">Which posts wait for a moderator, and how fast people may post and sign in. Changes apply at once.</p>
      <PoliciesForm settings={await getSiteSettings()} action={savePolicies} />
    </>
  );
}
