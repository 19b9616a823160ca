import type { Metadata } from "next";
import { LoginPageBody } from "@/components/accounts/login-page-body";
import { describeLoginError } from "@/lib/accounts/login";
import { callbackPathOnThisSite } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { logInFromForm, logOutFromForm } from "./actions";

export const metadata: Metadata = { title: "Log in", robots: { index: false } };

type Props = { searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }> };

/** Personal (it shows next-auth's ?error=, follows ?callbackUrl= and knows who is logged in), so rendered per request. */
export default async function LoginPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  const user = await getCurrentUser();
  return (
    <div className="account-page">
      <LoginPageBody
        signedInAs={user?.username ?? null}
        callbackPath={callbackPathOnThisSite(first(callbackUrl))}
        initialError={describeLoginError(first(error))}
        logIn={logInFromForm}
        logOut={logOutFromForm}
      />
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
