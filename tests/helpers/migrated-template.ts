import fs from "node:fs";
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { bin, freshTmpDir, ROOT } from "./paths";
import { createDatabase, dropDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Runs the real migrations (`prisma migrate deploy`) once per test run into an
 * empty database (SQLite, or PostgreSQL under TEST_POSTGRES_URL); each test
 * file then starts from its own copy of it.
 */
export default async function setup(project: TestProject) {
  const dir = freshTmpDir("template");
  const url = await createDatabase(dir, { prefix: "template" });
  execFileSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  project.provide("templateDatabase", url);
  return async () => {
    await dropDatabase(url);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
