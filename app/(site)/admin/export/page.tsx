import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/auth/page-access";
import { assertCanAdminister } from "@/lib/editorial/permissions";

export const metadata: Metadata = { title: "Export — back office", robots: { index: false } };

export default async function AdminExportPage() {
  await loadStaffPage("/admin/export", async (actor) => assertCanAdminister(actor));
  return (
    <>
      <h1>Export the site</h1>
      <p className="lead">
        Every article with its posts, the authors, categories and tags, as a file to keep or to take elsewhere. Passwords,
        sessions, unsubscribe keys and the hashed addresses of posters are never in it, and an anonymous post stays anonymous.
      </p>
      <ul>
        <li>
          <a href="/api/admin/export?format=wxr" download>
            Download for WordPress (WXR)
          </a>{" "}
          — WordPress reads it under Tools → Import → WordPress; Quire&apos;s own import reads it back exactly.
        </li>
        <li>
          <a href="/api/admin/export?format=json" download>
            Download as JSON
          </a>{" "}
          — everything above plus facts, history and the articles in the bin, for other tools.
        </li>
      </ul>
      <p>
        To import a WordPress or Disqus export, run <code>npm run import -- &lt;file&gt;</code> on the server (see the
        README&apos;s &ldquo;Moving in and out&rdquo;).
      </p>
    </>
  );
}
