import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole project, tests and scripts too) is the
  // type gate and runs first in `npm test`; checking again here only slows builds.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Compression belongs to the reverse proxy in front (nginx, Caddy); doing it here
  // costs the single Node process CPU on every page, and scripts/server/serve.mts swaps
  // 404 bodies, which must not be gzip-wrapped.
  compress: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "nodemailer", "sharp"],
  async headers() {
    // Where several rules set one header, the later rule wins: the reset page's comes after the default.
    return [
      {
        source: "/:path*",
        headers: [
          // Every answer is what it says it is: no browser guesses a script out of a post or a picture.
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Quire uses none of these; a page (or a script that got in) cannot ask for them.
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
          },
        ],
      },
      // The reset and confirmation pages' URLs carry a token: never send it to another site as a Referer.
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/signup/confirm", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // No other site may frame Quire (clickjacking a login or a moderation button), except
      // the three widgets, which say `frame-ancestors *` themselves (lib/widgets).
      // X-Frame-Options for browsers that predate CSP's frame-ancestors.
      {
        source: "/((?!embed/(?:fact|history|latest)$).*)",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  // forbidden(): moderation pages answer 403 to signed-in users without the role.
  experimental: { authInterrupts: true },
};

export default nextConfig;
