// `npm start`: the two-command quick start. Builds once if there is no build,
// applies migrations, seeds demo content into an empty database, then serves.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { databaseUrl, port, serverSecret, siteUrl, DATA_DIR } from "../lib/config";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
fs.mkdirSync(DATA_DIR, { recursive: true });

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl(),
  NEXTAUTH_SECRET: serverSecret(),
  // next-auth would otherwise derive its URLs from the request's Host header.
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || siteUrl(),
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No production build yet: running `next build` once (later: `npm run build`).");
  run(bin("next"), ["build"]);
}
run(bin("prisma"), ["migrate", "deploy"]);
run(bin("tsx"), [path.join(root, "prisma", "seed", "seed-if-empty.mts")]);

console.log(`Quire is starting on ${siteUrl()} (database: ${env.DATABASE_URL}).`);
const server = spawn(bin("tsx"), [path.join(root, "scripts", "serve.mts")], {
  cwd: root,
  env: { ...env, PORT: String(port()), NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
