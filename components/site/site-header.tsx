import Link from "next/link";
import type { FormAction } from "@/lib/form-state";
import { SITE_NAME } from "@/lib/config";
import { AccountMenu } from "./account-menu";
import { QueueCount } from "@/components/moderation/queue-count";

/**
 * The header is identical for every reader so pages stay cacheable; the
 * account area is filled in by the browser (see AccountMenu).
 */
export function SiteHeader({ logOut }: { logOut: FormAction }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {SITE_NAME}
          <span className="site-header__tagline">clear answers to common questions</span>
        </Link>
        <nav aria-label="Site" className="site-header__nav">
          <Link href="/">Latest</Link>
          <Link href="/facts">Did you know?</Link>
          <Link href="/history">This day in history</Link>
        </nav>
        <form role="search" action="/search" method="get" className="site-header__search">
          <label htmlFor="site-search" className="visually-hidden">
            Search the articles
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
        <div className="site-header__account">
          <QueueCount />
          <AccountMenu logOut={logOut} />
        </div>
      </div>
    </header>
  );
}
