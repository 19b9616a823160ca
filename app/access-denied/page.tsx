import type { Metadata } from "next";
import { AccessDeniedMessage } from "@/components/site/access-denied-message";
import SiteLayout from "../(site)/layout";

export const metadata: Metadata = { title: "Access denied", robots: { index: false } };
export const dynamic = "force-static";

/**
 * The body scripts/serve.mts sends with a 403 page: Next renders forbidden()
 * only in the browser (the same limitation as notFound(), vercel/next.js#62228),
 * so readers without JavaScript would otherwise get a blank page.
 */
export default function AccessDeniedPage() {
  return (
    <SiteLayout>
      <AccessDeniedMessage title="You do not have permission to see this page">
        Moderation pages are for the moderation team, the back office for editors, and the site&apos;s policies and users for
        administrators. If you think you should have access, ask an administrator.
      </AccessDeniedMessage>
    </SiteLayout>
  );
}
