// Part of `npm run build`, after `next build`: bundles the production server
// (scripts/server/main.mts) and its database preparation into plain JavaScript
// under .next/quire/, so that `npm start` runs them with node alone: no
// TypeScript compiler in the serving process, no wrapper processes.
// Packages from node_modules stay imports (Next, Prisma's runtime, argon2).
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
await build({
  absWorkingDir: root,
  entryPoints: {
    main: "scripts/server/main.mts",
    "prepare-database": "scripts/server/prepare-database.mts",
  },
  outdir: ".next/quire",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // "server-only" guards React Server Components; these bundles are plain Node programs.
  alias: { "server-only": "./tests/helpers/empty-module.ts" },
  logLevel: "warning",
});
