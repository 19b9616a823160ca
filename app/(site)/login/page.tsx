import type { Metadata } from "next";
import { LoginForm } from "@/components/accounts/login-form";
import { describeLoginError } from "@/lib/accounts/login";
import { safeCallbackPath } from "@/lib/auth/options";
import { siteUrl } from "@/lib/config";

export const metadata: Metadata = { title: "Log in", robots: { index: false } };

type Props = { searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }> };

/** Personal (it shows next-auth's ?error= and follows ?callbackUrl=), so rendered per request. */
export default async function LoginPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  return (
    <div className="account-page">
      <h1>Log in</h1>
      <LoginForm callbackPath={pathOnThisSite(first(callbackUrl))} initialError={describeLoginError(first(error))} />
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Where to go after logging in: a path on this site, whatever the link said. */
function pathOnThisSite(callbackUrl: string | undefined): string {
  const target = new URL(safeCallbackPath(callbackUrl ?? "/", siteUrl()));
  return `${target.pathname}${target.search}${target.hash}`;
}
