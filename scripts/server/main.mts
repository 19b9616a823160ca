// The production server's entry, bundled by `npm run build` into
// .next/quire/main.mjs and run by `npm start` (scripts/start.mjs) in its own
// process: applies pending migrations, seeds demo content into an empty
// database (both in a child process that exits), then serves. Node runs it as plain JavaScript: nothing is compiled at start.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { databaseUrl, port, serverSecret, siteUrl, DATA_DIR } from "@/lib/config";
import { db } from "@/lib/db";
import { serve } from "./serve.mjs";
import { drainOnSignals } from "./shutdown.mjs";

const root = process.cwd();
fs.mkdirSync(DATA_DIR, { recursive: true });

process.env.DATABASE_URL = databaseUrl();
process.env.NEXTAUTH_SECRET = serverSecret();
// next-auth would otherwise derive its URLs from the request's Host header.
process.env.NEXTAUTH_URL ||= siteUrl();
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [path.join(root, ".next", "quire", "prepare-database.mjs")]);

console.log(`Quire is starting on ${siteUrl()} (database: ${process.env.DATABASE_URL}).`);
const server = await serve({ port: port(), hostname: process.env.HOST ?? "0.0.0.0", dir: root });
// The publishing scheduler stops with the server (serve.mts); the Prisma client
// is the one Next's routes share (lib/db keeps it on globalThis).
drainOnSignals(server, { close: () => db.$disconnect() });
