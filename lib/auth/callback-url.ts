import "server-only";
import { siteUrl } from "@/lib/config";

/**
 * Where to go after login: only a page on this site, never another origin.
 * The link is read as a browser would read it, relative to the site (tabs and
 * line breaks dropped, backslashes as slashes, dot segments resolved), and
 * only its path, query and fragment are kept, on the site's own origin. The
 * path is given a single leading slash: "/.//evil.example" resolves to the
 * path "//evil.example", which as a Location or a link is another host.
 */
export function safeCallbackPath(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return base.origin;
  }
  if (target.origin !== base.origin) return base.origin;
  return `${base.origin}${target.pathname.replace(/^\/+/, "/")}${target.search}${target.hash}`;
}

/** The same rule, as a path on this site (for a redirect or a form field), whatever the link said. */
export function callbackPathOnThisSite(callbackUrl: string | undefined): string {
  const target = new URL(safeCallbackPath(callbackUrl ?? "/", siteUrl()));
  return `${target.pathname}${target.search}${target.hash}`;
}
