import path from "node:path";
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { bin, freshTmpDir, ROOT } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Runs the real migrations (`prisma migrate deploy`) once per test run into an
 * empty SQLite file; each test file then starts from its own copy of it.
 */
export default function setup(project: TestProject) {
  const dir = freshTmpDir("template");
  const file = path.join(dir, "template.db");
  execFileSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
