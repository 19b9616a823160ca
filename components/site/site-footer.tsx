import Link from "next/link";
import { SITE_NAME } from "@/lib/config";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {SITE_NAME}: articles written and edited by our own team, discussed by readers.{" "}
        <Link href="/widgets">Free widgets for your site</Link>
      </p>
    </footer>
  );
}
