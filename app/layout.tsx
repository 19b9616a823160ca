import type { Metadata, Viewport } from "next";
import { feedAlternates } from "@/lib/feeds/alternates";
import { siteUrl, SITE_NAME } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${SITE_NAME}: clear answers to common questions`, template: `%s | ${SITE_NAME}` },
  description: "Plain-spoken articles that answer everyday questions, with reader discussion.",
  metadataBase: new URL(siteUrl()),
  alternates: { types: feedAlternates() },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
