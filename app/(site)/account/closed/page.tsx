import type { Metadata } from "next";
import Link from "next/link";
import { ACCOUNT_DELETED } from "@/lib/accounts/own-data";

export const metadata: Metadata = { title: "Account closed", robots: { index: false } };

export default function AccountClosedPage() {
  return (
    <div className="account-page">
      <h1>Account closed</h1>
      <p className="form-success" role="status">
        {ACCOUNT_DELETED}
      </p>
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
