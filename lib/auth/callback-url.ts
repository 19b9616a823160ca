import "server-only";
import { siteUrl } from "@/lib/config";

/** Where to go after login: only a path on this site, never another origin. */
export function safeCallbackPath(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // Not a URL: fall through to the home page.
  }
  return baseUrl;
}

/** The same rule, as a path on this site (for a redirect or a form field), whatever the link said. */
export function callbackPathOnThisSite(callbackUrl: string | undefined): string {
  const target = new URL(safeCallbackPath(callbackUrl ?? "/", siteUrl()));
  return `${target.pathname}${target.search}${target.hash}`;
}
