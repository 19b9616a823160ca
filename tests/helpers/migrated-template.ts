import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { freshTmpDir, ROOT } from "./paths";
import { migrateDeploy } from "../../lib/db/migrate-deploy";
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
  await migrateDeploy(url, { cwd: ROOT, quiet: true });
  project.provide("templateDatabase", url);
  return async () => {
    await dropDatabase(url);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
