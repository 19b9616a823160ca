import path from "node:path";
import { spawn } from "node:child_process";

/** What `prisma migrate deploy` prints once every migration is in. */
const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Runs `prisma migrate deploy` on `url` (the CLI picks the schema, the
 * migrations and the adapter by the URL: prisma.config.ts) from the
 * repository. Its output goes to stderr as it comes, or, when `quiet`, only
 * if it fails. Resolves when the migrations are in.
 *
 * On PostgreSQL the CLI, its work done and reported, stays alive for about
 * ten seconds more with a connection open (adapter-pg under Prisma's Wasm
 * schema engine): every start of a server with pending migrations, and every
 * test run, waited for it. Once it has said the migrations are in, it is
 * stopped. An exit before that message is the CLI's failure, passed on.
 */
export function migrateDeploy(url: string, { cwd = process.cwd(), quiet = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cwd, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const read = (chunk: Buffer) => {
      if (!quiet) process.stderr.write(chunk);
      output += chunk.toString();
      if (!done && DONE.test(output)) {
        done = true;
        setTimeout(() => child.kill("SIGTERM"), 100).unref();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (done || code === 0) resolve();
      else {
        if (quiet) process.stderr.write(output);
        reject(new Error(`prisma migrate deploy failed (exit code ${code}); its output is above.`));
      }
    });
  });
}
