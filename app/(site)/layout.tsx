import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { logOutFromForm } from "./login/actions";

// Pages read the database on each request; nothing is prerendered at build time,
// so `next build` never touches the database.
export const dynamic = "force-dynamic";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader logOut={logOutFromForm} />
      <main id="main" className="page">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
