import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { freshTmpDir } from "./paths";
import { createDatabase, dropDatabase } from "./test-database";

// Each test file gets its own copy of the migrated database and its own data
// folder (server secret, outbox), set before any lib/ module is imported.
const dir = freshTmpDir("db");
const url = await createDatabase(dir, { template: inject("templateDatabase") });
process.env.DATABASE_URL = url;
process.env.QUIRE_DATA_DIR = dir;
process.env.NEXTAUTH_SECRET = "test-secret-for-this-run-only";

// A worker process runs many files; never reuse a previous file's client.
const globalForPrisma = globalThis as unknown as { quirePrisma?: { $disconnect(): Promise<void> } };
delete globalForPrisma.quirePrisma;

afterAll(async () => {
  await globalForPrisma.quirePrisma?.$disconnect();
  delete globalForPrisma.quirePrisma;
  await dropDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});
